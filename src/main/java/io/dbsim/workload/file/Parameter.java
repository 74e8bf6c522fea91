package io.dbsim.workload.file;

import io.dbsim.workload.OperationContext;
import io.dbsim.workload.script.RandomFunction;
import net.datafaker.Faker;

import java.util.random.RandomGenerator;

/**
 * Where a workload file's named parameter gets its value for each execution, as text bound untyped (the server infers
 * its type): a pgbench random function over a range, a Datafaker expression, one of a column's values sampled at the
 * start, picked uniformly or by a random function over their positions, or a value no other execution uses.
 */
sealed interface Parameter {

    String draw(RandomGenerator random, Faker faker, OperationContext ctx);

    record Drawn(RandomFunction function, long min, long max, double parameter) implements Parameter {
        @Override
        public String draw(RandomGenerator random, Faker faker, OperationContext ctx) {
            return Long.toString(function.draw(random, min, max, parameter));
        }
    }

    record Fake(String expression) implements Parameter {
        @Override
        public String draw(RandomGenerator random, Faker faker, OperationContext ctx) {
            return faker.expression(expression);
        }
    }

    /** @param values the column's sampled values, in the order read; filled in once the database is read */
    record Sampled(Sample sample, RandomFunction pick, double parameter, String[] values) implements Parameter {
        Sampled withValues(String[] read) {
            return new Sampled(sample, pick, parameter, read);
        }

        @Override
        public String draw(RandomGenerator random, Faker faker, OperationContext ctx) {
            return values[(int) pick.draw(random, 0, values.length - 1, parameter)];
        }
    }

    /** For unique columns: every run draws the same other values, so a repeated run would insert the same keys again. */
    record Unique() implements Parameter {
        @Override
        public String draw(RandomGenerator random, Faker faker, OperationContext ctx) {
            return ctx.unique();
        }
    }
}
