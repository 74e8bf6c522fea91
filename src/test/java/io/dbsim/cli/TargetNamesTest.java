package io.dbsim.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetNamesTest {

    @Test
    void wholeWordsMakeANameTestLikeAndSubstringsDoNot() {
        assertThat(List.of("app_test", "test-db", "qa.internal", "members_dev01", "LoadTest", "staging"))
                .allMatch(TargetNames::testLike);
        assertThat(List.of("payload", "latest", "contest", "quality", "devx", "members"))
                .noneMatch(TargetNames::testLike);
    }

    @Test
    void namesAreCutAtSymbolsAndBetweenLettersAndDigits() {
        assertThat(TargetNames.words("db-QA2.eu_west")).containsExactly("db", "qa", "2", "eu", "west");
    }

    @Test
    void aTestLikeHostOrDatabaseOrALocalHostPassesTheGuard() {
        assertThat(TargetNames.of("jdbc:postgresql://qa.internal:5432/payload").localOrTestLike()).isTrue();
        assertThat(TargetNames.of("jdbc:postgresql://db.example.com/app_test").localOrTestLike()).isTrue();
        assertThat(TargetNames.of("jdbc:postgresql://127.0.0.2:5432/payload").localOrTestLike()).isTrue();
        assertThat(TargetNames.of("jdbc:postgresql://[::1]/payload").localOrTestLike()).isTrue();
        assertThat(TargetNames.of("jdbc:postgresql:payload").localOrTestLike()).isTrue();
    }

    @Test
    void productionLookingTargetsDoNotPass() {
        assertThat(TargetNames.of("jdbc:postgresql://db.example.com/payload").localOrTestLike()).isFalse();
        assertThat(TargetNames.of("jdbc:postgresql://latest.example.com/contest").localOrTestLike()).isFalse();
        assertThat(TargetNames.of("jdbc:postgresql://localhost.example.com/members").localOrTestLike()).isFalse();
        assertThat(TargetNames.of("jdbc:postgresql://qa.internal,prod.internal/members").localOrTestLike()).isFalse();
    }
}
