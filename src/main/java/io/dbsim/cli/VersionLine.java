package io.dbsim.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What --version prints: the version, git commit and build time that the build wrote into build.properties. */
final class VersionLine implements CommandLine.IVersionProvider {

    private static final String RESOURCE = "/io/dbsim/build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {of(load())};
    }

    static String of(Properties build) {
        String commit = build.getProperty("commit", "unknown")
                + (Boolean.parseBoolean(build.getProperty("dirty")) ? "-dirty" : "");
        return "dbsim " + build.getProperty("version") + " (git " + commit + ", built " + build.getProperty("built") + ")";
    }

    private static Properties load() {
        try (InputStream in = VersionLine.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Properties build = new Properties();
            build.load(in);
            return build;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
