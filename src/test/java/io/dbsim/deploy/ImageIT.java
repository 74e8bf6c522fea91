package io.dbsim.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image ./mvnw -Pimage package built (a docker-archive tarball, as docker save writes one), run as a container
 * runtime would run it but without one: its layers unpacked in order into a directory, then its entrypoint started
 * there by chroot, as its user, with its environment and working directory, and /proc and /dev mounted in a mount
 * namespace of its own. Runs in ./mvnw -Pimage verify (failsafe, after the image is built), as root; skipped when there
 * is no image or no root.
 */
class ImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TAR = Path.of(System.getProperty("dbsim.image", "target/dbsim-image.tar"));

    @TempDir
    static Path work;
    private static Path root;
    private static JsonNode config;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(Files.isRegularFile(TAR), "no image at " + TAR + ": build it with ./mvnw -Pimage package");
        Path image = Files.createDirectories(work.resolve("image"));
        run(List.of("tar", "--warning=no-unknown-keyword", "-xf", TAR.toAbsolutePath().toString(), "-C", image.toString()), Duration.ofMinutes(2));
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).path(0);
        assertThat(manifest.path("RepoTags").path(0).asText()).startsWith("dbsim:");
        config = JSON.readTree(image.resolve(manifest.path("Config").asText()).toFile()).path("config");
        root = Files.createDirectories(work.resolve("root"));
        for (JsonNode layer : manifest.path("Layers")) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", image.resolve(layer.asText()).toString(), "-C", root.toString()),
                    Duration.ofMinutes(2));
        }
    }

    @Test
    void theImageRunsDbsimAsAnUnprivilegedUserOnItsOwnJavaRuntime() throws Exception {
        assertThat(config.path("User").asText()).isEqualTo("1000:1000");
        assertThat(config.path("Entrypoint").path(0).asText()).isEqualTo("/opt/java/bin/java");
        assertThat(Files.getPosixFilePermissions(root.resolve("opt/java/bin/java"))).contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(root.resolve("app/jib-classpath-file"))).contains("/app/libs/HdrHistogram-");
        assertThat(root.resolve("app/classes/io/dbsim/cli/Dbsim.class")).isRegularFile();
        assertThat(Files.readAllLines(root.resolve("etc/passwd"))).contains("dbsim:x:1000:1000:dbsim:/home/dbsim:/bin/sh");
        assertThat(root.resolve("bin/sh")).isRegularFile();
    }

    @Test
    void dbsimVersionRunsInsideTheImage() throws Exception {
        Result version = inImage(Duration.ofMinutes(1), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("dbsim ").contains("(git ");
    }

    @Test
    void aShortRunOnTheEmbeddedPostgresqlRunsInsideTheImage() throws Exception {
        Result run = inImage(Duration.ofMinutes(4), "run", "--quick", "--ramp-up", "0s", "--think-time", "5ms");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("fresh database: migrating and seeding the small profile first")
                .contains("dbsim run report").contains("operations          200");
    }

    private record Result(int exitCode, String output) {
    }

    /** The image's entrypoint with {@code args}, as its user, in its working directory, with its environment only. */
    private static Result inImage(Duration timeout, String... args) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "running the image needs root (chroot, mounts) and util-linux's unshare");
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "/bin/sh", "-c",
                "r=$1; shift; mount --make-rprivate / && mount -t proc proc \"$r/proc\" && mount --rbind /dev \"$r/dev\" && exec \"$@\"",
                "sh", root.toString(), "/usr/bin/env", "-i"));
        config.path("Env").forEach(e -> command.add(e.asText()));
        command.addAll(List.of("/usr/sbin/chroot", "--userspec=" + config.path("User").asText(), root.toString(), "/bin/sh", "-c",
                "cd \"$0\" && exec \"$@\"", config.path("WorkingDir").asText("/")));
        config.path("Entrypoint").forEach(e -> command.add(e.asText()));
        command.addAll(List.of(args));
        return run(command, timeout);
    }

    private static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout + ": "
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        Result r = new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        if (command.getFirst().equals("tar") && r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + r.output());
        }
        return r;
    }
}
