package io.dbsim.settings;

import io.dbsim.UsageException;

import java.util.Locale;

/** Arrival rates as written: 500/s, 3000/m, or a plain number per second as pgbench's -R takes it. */
public final class Rate {

    private Rate() {
    }

    /** Per second. */
    public static double parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double per = 1;
        if (v.endsWith("/s")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("/m")) {
            v = v.substring(0, v.length() - 2);
            per = 60;
        }
        try {
            double r = Double.parseDouble(v) / per;
            if (r <= 0 || Double.isNaN(r) || Double.isInfinite(r)) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new UsageException("--rate '" + value + "' is not a rate: write it like 500/s or 3000/m");
        }
    }
}
