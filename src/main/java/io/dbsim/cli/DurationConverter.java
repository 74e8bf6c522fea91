package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.settings.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** Durations as k6 and DBAs write them: 500ms, 10s, 5m, 1h, 1m30s; picocli names the option in its message. */
public class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value, "", bare());
        } catch (UsageException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    Durations.Bare bare() {
        return Durations.Bare.REFUSED;
    }

    /** Where pgbench takes plain seconds (-T 60, -P 5), a number without a unit is seconds here too. */
    public static final class Seconds extends DurationConverter {
        @Override
        Durations.Bare bare() {
            return Durations.Bare.SECONDS;
        }
    }

    /** Where pgbench takes plain milliseconds (-L 50), a number without a unit is milliseconds here too. */
    public static final class Millis extends DurationConverter {
        @Override
        Durations.Bare bare() {
            return Durations.Bare.MILLISECONDS;
        }
    }
}
