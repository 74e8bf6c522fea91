package io.dbsim.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.cli.Dbsim;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.ScenarioFile;
import io.dbsim.settings.Segment;
import io.dbsim.settings.SettingsLayer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes read as Kubernetes reads it (fabric8's model of the API objects): an Indexed Job of N segments that
 * take their index from JOB_COMPLETION_INDEX, a merge Job, the shared volume both mount, the database from the Secret,
 * and command lines dbsim itself accepts.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonNode kustomization;
    private static final Map<String, KubernetesResource> resources = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        KubernetesSerialization kubernetes = new KubernetesSerialization();
        for (JsonNode file : kustomization.path("resources")) {
            try (InputStream in = Files.newInputStream(DIR.resolve(file.asText()))) {
                KubernetesResource resource = kubernetes.unmarshal(in);
                resources.put(file.asText(), resource);
            }
        }
    }

    private static Job job(String file) {
        assertThat(resources.get(file)).as(file).isInstanceOf(Job.class);
        return (Job) resources.get(file);
    }

    private static Container container(Job job) {
        assertThat(job.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return job.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static String arg(Container c, String option) {
        return c.getArgs().stream().filter(a -> a.startsWith(option + "=")).map(a -> a.substring(option.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError(option + " is not among " + c.getArgs()));
    }

    private static String claim(PodSpec pod, String mountPath, Container c) {
        String volume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(mountPath)).map(VolumeMount::getName)
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + mountPath));
        Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(volume)).findFirst().orElseThrow();
        return v.getPersistentVolumeClaim().getClaimName();
    }

    @Test
    void theSegmentsAreAnIndexedJobOfNPodsEachItsSegmentFromTheCompletionIndex() {
        Job segments = job("segments-job.yaml");
        Container c = container(segments);
        int n = Integer.parseInt(arg(c, "--segments"));
        assertThat(segments.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(segments.getSpec().getCompletions()).isEqualTo(n);
        assertThat(segments.getSpec().getParallelism()).isEqualTo(n);
        assertThat(segments.getSpec().getBackoffLimit()).isZero();
        assertThat(segments.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(c.getArgs().getFirst()).isEqualTo("run");
        assertThat(arg(c, "--segment-index")).isEqualTo("$(JOB_COMPLETION_INDEX)");
        assertThat(arg(c, "--json")).startsWith("/results/segments/").contains("$(JOB_COMPLETION_INDEX)");
        assertThat(arg(c, "--start-file")).startsWith("/results/");
        assertThat(c.getImage()).isEqualTo(kustomization.path("images").path(0).path("name").asText());
    }

    @Test
    void bothJobsMountTheSharedVolumeAndTheSegmentsTakeTheDatabaseFromTheSecret() {
        PersistentVolumeClaim results = (PersistentVolumeClaim) resources.get("results-volume.yaml");
        assertThat(results.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        Job segments = job("segments-job.yaml");
        Job merge = job("merge-job.yaml");
        Container segment = container(segments);
        Container merger = container(merge);
        assertThat(claim(segments.getSpec().getTemplate().getSpec(), "/results", segment)).isEqualTo(results.getMetadata().getName());
        assertThat(claim(merge.getSpec().getTemplate().getSpec(), "/results", merger)).isEqualTo(results.getMetadata().getName());
        assertThat(merger.getArgs().subList(0, 2)).containsExactly("merge", "/results/segments");
        assertThat(arg(merger, "--wait")).isNotEmpty();

        String secret = kustomization.path("secretGenerator").path(0).path("name").asText();
        assertThat(segment.getEnvFrom()).hasSize(1);
        assertThat(segment.getEnvFrom().getFirst().getSecretRef().getName()).isEqualTo(secret);
        assertThat(kustomization.path("secretGenerator").path(0).path("envs").path(0).asText()).isEqualTo("database.env");
        assertThat(merger.getEnv()).isEmpty();
        assertThat(merger.getEnvFrom()).isEmpty();
    }

    @Test
    void theDatabaseEnvExampleNamesWhatDbsimReadsAndTheRealOneStaysOutOfGit() throws Exception {
        Properties example = new Properties();
        try (InputStream in = Files.newInputStream(DIR.resolve("database.env.example"))) {
            example.load(in);
        }
        assertThat(example.stringPropertyNames()).containsExactlyInAnyOrder("DBSIM_JDBC_URL", "DBSIM_USER", "DBSIM_PASSWORD");
        assertThat(Files.readAllLines(DIR.resolve(".gitignore"))).contains("database.env");
    }

    @Test
    void theScenarioIsTheWholeTestAndSplitsIntoTheJobsSegments() throws Exception {
        Container c = container(job("segments-job.yaml"));
        String mounted = arg(c, "--scenario");
        VolumeMount mount = c.getVolumeMounts().stream().filter(m -> mounted.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
        Volume volume = job("segments-job.yaml").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        JsonNode generator = kustomization.path("configMapGenerator").path(0);
        assertThat(volume.getConfigMap().getName()).isEqualTo(generator.path("name").asText());
        String file = mounted.substring(mount.getMountPath().length() + 1);
        assertThat(generator.path("files").path(0).asText()).isEqualTo(file);

        RunSettings whole = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, ScenarioFile.load(DIR.resolve(file))));
        int n = Integer.parseInt(arg(c, "--segments"));
        int users = 0;
        int pool = 0;
        for (int i = 1; i <= n; i++) {
            RunSettings share = new Segment(i, n).of(whole);
            users += share.stages().get(1).target();
            pool += share.poolSize();
        }
        assertThat(users).isEqualTo(whole.stages().get(1).target());
        assertThat(pool).isEqualTo(whole.poolSize());
        assertThat(whole.thresholds()).isNotEmpty();
    }

    @Test
    void theJobsCommandLinesAreOnesDbsimAccepts() {
        for (String file : List.of("segments-job.yaml", "merge-job.yaml")) {
            List<String> args = new ArrayList<>(container(job(file)).getArgs().stream()
                    .map(a -> a.replace("$(JOB_COMPLETION_INDEX)", "0")).toList());
            CommandLine.ParseResult parsed = new CommandLine(new Dbsim()).parseArgs(args.toArray(String[]::new));
            assertThat(parsed.subcommand()).as(file).isNotNull();
            assertThat(parsed.subcommand().unmatched()).as(file).isEmpty();
        }
    }

    @Test
    void theImageTheKustomizationNamesIsTheOneThisBuildMakes() throws Exception {
        Properties build = new Properties();
        try (InputStream in = Dbsim.class.getResourceAsStream("/io/dbsim/build.properties")) {
            build.load(in);
        }
        assertThat(kustomization.path("images").path(0).path("newTag").asText()).isEqualTo(build.getProperty("version"));
    }
}
