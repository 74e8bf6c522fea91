package io.dbsim.layout;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The layout shows the data flow: settings, then the database, the seed, what users do, watching the server,
 * running them, making sense of it, experiments, rendering, the segments of a test split over several machines (each
 * segment's run written with the renderers' JSON, read back and merged into one engine run), and the command line
 * wiring them; each layer uses only those before it, so a renderer cannot run SQL and the engine cannot print.
 */
class LayeringTest {

    private static final JavaClasses DBSIM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dbsim");

    @Test
    void eachLayerUsesOnlyTheLayersBeforeIt() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("io.dbsim")
                .layer("settings").definedBy("io.dbsim.settings..")
                .layer("db").definedBy("io.dbsim.db..")
                .layer("seed").definedBy("io.dbsim.seed..")
                .layer("workload").definedBy("io.dbsim.workload..")
                .layer("observe").definedBy("io.dbsim.observe..")
                .layer("engine").definedBy("io.dbsim.engine..")
                .layer("analysis").definedBy("io.dbsim.analysis..")
                .layer("experiment").definedBy("io.dbsim.experiment..")
                .layer("report").definedBy("io.dbsim.report..")
                .layer("segment").definedBy("io.dbsim.segment..")
                .layer("cli").definedBy("io.dbsim.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("segment").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("segment", "cli")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("report", "segment", "cli")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("experiment", "report", "segment", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("analysis", "experiment", "report", "segment", "cli")
                .whereLayer("observe").mayOnlyBeAccessedByLayers("engine", "analysis", "experiment", "report", "segment", "cli")
                .whereLayer("workload").mayOnlyBeAccessedByLayers("observe", "engine", "analysis", "experiment", "report", "segment",
                        "cli")
                .whereLayer("seed").mayOnlyBeAccessedByLayers("workload", "observe", "engine", "analysis", "experiment", "report",
                        "segment", "cli")
                .whereLayer("db").mayOnlyBeAccessedByLayers("seed", "workload", "observe", "engine", "analysis", "experiment",
                        "report", "segment", "cli")
                .whereLayer("settings").mayOnlyBeAccessedByLayers("db", "seed", "workload", "observe", "engine", "analysis",
                        "experiment", "report", "segment", "cli")
                .check(DBSIM);
    }
}
