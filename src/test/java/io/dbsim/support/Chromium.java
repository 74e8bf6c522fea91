package io.dbsim.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real headless browser for the HTML reports' tests: the page as it stands after its scripts ran. */
public final class Chromium {

    private Chromium() {
    }

    public static Optional<String> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    public static String dumpDom(String chromium, Path html) throws Exception {
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The text of the page's script-error box: empty when no script failed. */
    public static String scriptErrors(String dom) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<pre id=\"script-errors\"[^>]*>([^<]*)</pre>").matcher(dom);
        return m.find() ? m.group(1) : "(no script-error box on the page)";
    }
}
