package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.DbsimProcess;
import io.dbsim.support.SeededDatabase;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Patterns;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test split into three segments, each a process of its own started together through a shared start file on a
 * real PostgreSQL, then merged: the merged run is the whole test, exactly, and bad sets of segments are refused.
 */
class SegmentedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 7;
    private static final Duration LONGEST = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    private static ConnectionInfo db;
    private static Path segments;
    private static final List<DbsimProcess> runs = new ArrayList<>();

    private static String[] segment(String which, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--segment", which,
                "--users", Integer.toString(USERS), "--duration", "6s", "--think-time", "20ms", "--ramp-up", "1s", "--pool-size", "5",
                "--sample-interval", "500ms", "--threshold", "p95<10s"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void runThreeSegmentsTogether() throws Exception {
        db = SeededDatabase.create("segments");
        segments = Files.createDirectories(dir.resolve("segments"));
        Path start = dir.resolve("start-at");
        for (int i = 1; i <= 3; i++) {
            runs.add(DbsimProcess.start(dir, "segment-" + i, segment(i + "/3", "--start-file", start.toString(), "--start-delay", "10s",
                    "--json", segments.resolve("seg-" + i + ".json").toString())));
        }
        for (DbsimProcess run : runs) {
            assertThat(run.exitCode(LONGEST)).as(run.err()).isEqualTo(ExitCodes.OK);
        }
    }

    private static Path seg(int i) {
        return segments.resolve("seg-" + i + ".json");
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static Histogram decoded(JsonNode base64) throws Exception {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64.asText())), 0);
    }

    private static double ms(Histogram h, double percentile) {
        return Math.round(h.getValueAtPercentile(percentile)) / 1000.0;
    }

    @Test
    void theSegmentsStartTogetherAndTheMergedRunIsTheWholeTestExactly() throws Exception {
        Instant shared = Instant.parse(Files.readString(dir.resolve("start-at")).trim());
        for (DbsimProcess run : runs) {
            assertThat(run.err()).containsPattern("segment \\d/3: (ready; waiting until " + shared
                    + "|started [0-9.]+ s late: the shared start was " + shared + ")");
        }
        Path merged = dir.resolve("run.json");
        CliRun merge = CliRun.of("merge", seg(1).toString(), seg(2).toString(), seg(3).toString(), "--json", merged.toString());
        assertThat(merge.exitCode()).as(merge.all()).isEqualTo(ExitCodes.OK);
        assertThat(merge.out()).contains("merged 3 of 3 segments of test").contains("p95<10s").contains("verdict: GO");

        JsonNode run = read(merged);
        assertThat(run.path("config").path("users").asInt()).isEqualTo(USERS);
        assertThat(run.path("pool").path("size").asInt()).isEqualTo(5);
        Map<String, Integer> expectedTypes = new HashMap<>();
        Pattern distributed = Patterns.builtIn().named("distributed");
        distributed.assign(USERS).forEach(mix -> expectedTypes.merge(mix.name(), 1, Integer::sum));
        Map<String, Integer> types = new HashMap<>();
        run.path("users_by_pattern").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asInt()));
        assertThat(types).isEqualTo(expectedTypes);

        long operations = 0;
        Map<String, Long> counts = new HashMap<>();
        Histogram total = new Histogram(3_600_000_000L, 3);
        Histogram poolWait = new Histogram(3_600_000_000L, 3);
        int observing = 0;
        for (int i = 1; i <= 3; i++) {
            JsonNode segment = read(seg(i));
            operations += segment.path("summary").path("operations").asLong();
            for (JsonNode op : segment.path("operations")) {
                counts.merge(op.path("name").asText(), op.path("count").asLong(), Long::sum);
            }
            for (JsonNode op : segment.path("segment").path("run").path("operations")) {
                total.add(decoded(op.path("total")));
                poolWait.add(decoded(op.path("pool_wait")));
            }
            observing += segment.path("database").has("activity") ? 1 : 0;
            assertThat(segment.path("segment").path("observes").asBoolean()).isEqualTo(i == 1);
            long points = 0;
            for (JsonNode p : segment.path("timeseries")) {
                points += p.path("ops").asLong();
            }
            assertThat(points).as("segment %d's time series holds its operations", i)
                    .isEqualTo(segment.path("summary").path("operations").asLong());
        }
        assertThat(observing).as("segments that observed the database").isEqualTo(1);
        assertThat(operations).isPositive();
        assertThat(run.path("summary").path("operations").asLong()).isEqualTo(operations);
        assertThat(total.getTotalCount()).isEqualTo(run.path("summary").path("succeeded").asLong());
        for (JsonNode op : run.path("operations")) {
            assertThat(op.path("count").asLong()).as(op.path("name").asText()).isEqualTo(counts.get(op.path("name").asText()));
        }
        JsonNode latency = run.path("summary").path("latency_ms");
        assertThat(List.of(latency.path("p50").asDouble(), latency.path("p95").asDouble(), latency.path("p99").asDouble()))
                .containsExactly(ms(total, 50), ms(total, 95), ms(total, 99));
        assertThat(run.path("summary").path("pool_wait_ms").path("p95").asDouble()).isEqualTo(ms(poolWait, 95));

        long merged0 = 0;
        int mostUsers = 0;
        for (JsonNode p : run.path("timeseries")) {
            merged0 += p.path("ops").asLong();
            mostUsers = Math.max(mostUsers, p.path("users").asInt());
            assertThat(p.path("epoch_ms").asLong()).isGreaterThanOrEqualTo(shared.toEpochMilli());
        }
        assertThat(merged0).as("operations in the merged time series").isEqualTo(operations);
        assertThat(mostUsers).isEqualTo(USERS);
        assertThat(run.path("database").path("activity").path("commits").asLong()).isPositive();
        assertThat(run.path("merged").path("segments").asInt()).isEqualTo(3);
        assertThat(run.path("merged").path("partial").asBoolean()).isFalse();
        assertThat(run.path("interrupted").asBoolean()).isFalse();
    }

    @Test
    void aThresholdThatFailsOnTheMergedRunEndsWithExitCode99() {
        CliRun merge = CliRun.of("merge", segments.toString(), "--threshold", "throughput>1000000/s");
        assertThat(merge.exitCode()).as(merge.all()).isEqualTo(ExitCodes.THRESHOLDS_FAILED);
        assertThat(merge.out()).containsPattern("throughput>1000000/s\\s+[0-9.]+ ops/s\\s+FAIL")
                .contains("verdict: NO-GO (1 of 2 thresholds failed)");
    }

    @Test
    void missingDuplicatedAndForeignSegmentsAreRefusedInOneLine() throws Exception {
        assertRefused(CliRun.of("merge", seg(1).toString(), seg(3).toString()),
                "dbsim: segment 2/3 is missing (2 of 3 given): give every segment's file, or add --partial to merge those given");
        Path copy = Files.copy(seg(2), dir.resolve("copy-of-2.json"));
        assertRefused(CliRun.of("merge", seg(1).toString(), seg(2).toString(), copy.toString(), seg(3).toString()),
                "dbsim: segment 2/3 is given twice: " + seg(2) + " and " + copy + "; give each segment once");
        Path plain = dir.resolve("whole.json");
        assertThat(CliRun.of("merge", segments.toString(), "--json", plain.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertRefused(CliRun.of("merge", seg(1).toString(), plain.toString()), "dbsim: " + plain + " is not a segment of a test: "
                + "write one with 'dbsim run --segment I/N --json FILE', and merge the segments' files");

        Path otherSeed = dir.resolve("other-seed.json");
        DbsimProcess other = DbsimProcess.start(dir, "other-seed", segment("3/3", "--seed", "7", "--json", otherSeed.toString()));
        assertThat(other.exitCode(LONGEST)).as(other.err()).isEqualTo(ExitCodes.OK);
        assertRefused(CliRun.of("merge", seg(1).toString(), seg(2).toString(), otherSeed.toString()), "dbsim: " + otherSeed
                + " is not a segment of the same test as " + seg(1) + ": seed 7 against 42 (every segment must run the same settings, "
                + "segment count, start, database and dbsim)");
    }

    @Test
    void anInterruptedSegmentIsRefusedUnlessPartialWhichMergesTheRestAndSaysSo() throws Exception {
        Path stopped = dir.resolve("stopped.json");
        String start = Files.readString(dir.resolve("start-at")).trim();
        DbsimProcess late = DbsimProcess.start(dir, "stopped", segment("2/3", "--start-at", start, "--json", stopped.toString()));
        late.awaitErr("late: the shared start was " + start, LONGEST);
        Thread.sleep(2000);
        late.terminate();
        late.exitCode(LONGEST);
        assertThat(read(stopped).path("interrupted").asBoolean()).as(late.err()).isTrue();

        assertRefused(CliRun.of("merge", seg(1).toString(), stopped.toString(), seg(3).toString()), "dbsim: segment 2/3 (" + stopped
                + ") was interrupted: run the test again, or add --partial to merge the other segments");
        Path partial = dir.resolve("partial.json");
        CliRun merge = CliRun.of("merge", seg(1).toString(), stopped.toString(), seg(3).toString(), "--partial", "--json",
                partial.toString());
        assertThat(merge.exitCode()).as(merge.all()).isEqualTo(ExitCodes.OK);
        assertThat(merge.out()).contains("merged 2 of 3 segments").contains("PARTIAL: left out 2/3 (interrupted)");
        JsonNode run = read(partial);
        assertThat(run.path("merged").path("partial").asBoolean()).isTrue();
        assertThat(run.path("merged").path("left_out").path(0).asText()).isEqualTo("2/3 (interrupted)");
        assertThat(run.path("interrupted").asBoolean()).isTrue();
        assertThat(run.path("notes").toString()).contains("PARTIAL: segments left out: 2/3 (interrupted)");
        assertThat(run.path("summary").path("operations").asLong()).isEqualTo(read(seg(1)).path("summary").path("operations").asLong()
                + read(seg(3)).path("summary").path("operations").asLong());
    }

    @Test
    void aMergeWaitsForTheSegmentsOfAFolderThenNamesTheMissing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("two-of-three"));
        Files.copy(seg(1), folder.resolve("seg-1.json"));
        Files.copy(seg(3), folder.resolve("seg-3.json"));
        long started = System.nanoTime();
        CliRun merge = CliRun.of("merge", folder.toString(), "--wait", "3s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(merge.err()).contains("merge: waiting for segments 2/3");
        assertThat(merge.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(merge.err()).contains("segment 2/3 is missing (2 of 3 given)");
    }

    @Test
    void aSegmentNeedsTheSharedDatabaseAndAJsonFileAndOneWayOfNamingIt() {
        assertRefused(CliRun.of("run", "--db", "embedded", "--segment", "2/3", "--json", dir.resolve("x.json").toString()),
                "dbsim: --segment needs the database every segment loads: give --jdbc-url (or DBSIM_JDBC_URL, or libpq's PGHOST...); "
                        + "an embedded or container database would be this process's own");
        assertRefused(CliRun.of(segment("2/3")), "dbsim: --segment needs --json FILE: 'dbsim merge' adds up the segments' JSON files");
        assertRefused(CliRun.of(segment("2/3", "--segment-index", "1", "--segments", "3", "--json", "x.json")),
                "dbsim: give --segment I/N or --segment-index I --segments N, not both");
        assertRefused(CliRun.of(segment("4/3", "--json", "x.json")),
                "dbsim: --segment 4/3: there is no such segment; the segments of 3 are 1/3 to 3/3 (--segment-index 0 to 2)");
        assertRefused(CliRun.of(segment("1/3", "--start-at", "tomorrow", "--json", "x.json")), "dbsim: --start-at 'tomorrow' is not a "
                + "time: write it as ISO-8601, e.g. 2027-01-15T10:00:00Z (UTC) or 2027-01-15T11:00:00+01:00");
        assertRefused(CliRun.of(segment("1/8", "--json", "x.json")), "dbsim: --users 7 cannot be split into 8 segments: each segment "
                + "needs a user at least; give --users 8 or more, or fewer segments");
        assertRefused(CliRun.of(segment("1/3", "--json", "x.json", "--threshold", "p95<1s", "--junit", "t.xml")),
                "dbsim: a segment checks no threshold: give --junit to 'dbsim merge', which checks them on the whole test");
        assertRefused(CliRun.of(segment("1/3", "--json", "x.json", "--restore")), "dbsim: --restore in every segment would restore "
                + "the data N times: run 'dbsim snapshot restore' once before the segments start");
    }

    private static void assertRefused(CliRun run, String line) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).isEqualTo(line);
    }
}
