package io.dbsim.seed;

import java.util.SplittableRandom;

/** Files members uploaded: most have none, a few have many; sizes follow each type's usual spread. */
final class AttachmentRows implements TableGenerator {

    private static final String[] MIME = {"application/pdf", "image/jpeg", "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"};
    private static final String[] EXTENSION = {"pdf", "jpg", "png", "docx", "xlsx", "txt"};
    private static final double[] MEDIAN_BYTES = {300_000, 2_000_000, 500_000, 80_000, 50_000, 5_000};
    private static final double[] MIME_WEIGHTS = Rng.cumulative(45, 25, 10, 12, 5, 3);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long COUNT_STREAM = 60;
    private static final long STREAM = 61;
    private static final int MAX_FILES = 30;

    private final Population population;
    private final RowPlan plan;

    AttachmentRows(Population population) {
        this.population = population;
        this.plan = new RowPlan(population.profile.members(), MemberRows.MEMBERS_PER_CHUNK, this::count);
    }

    private int count(long member) {
        return Math.min(MAX_FILES, Rng.geometric(Rng.of(population.seed, COUNT_STREAM, member),
                population.profile.attachmentsPerMember()));
    }

    @Override
    public String table() {
        return "file_attachments";
    }

    @Override
    public String columns() {
        return "id, member_id, file_name, mime_type, size_bytes, checksum_sha256, storage_path, created_at";
    }

    @Override
    public RowPlan plan() {
        return plan;
    }

    @Override
    public void write(int chunk, CopyBuffer out) {
        Dictionary d = population.dictionary;
        long id = plan.firstId(chunk);
        long today = SeedClock.TODAY_EPOCH_DAY;
        for (long member = plan.chunkStart(chunk); member < plan.chunkEnd(chunk); member++) {
            int files = count(member);
            if (files == 0) {
                continue;
            }
            long joined = population.member(member).joinDate().toEpochDay();
            SplittableRandom r = Rng.of(population.seed, STREAM, member);
            for (int k = 0; k < files; k++, id++) {
                int type = Rng.weighted(r, MIME_WEIGHTS);
                String fileName = d.fileWords[r.nextInt(d.fileWords.length)] + "_"
                        + d.fileWords[r.nextInt(d.fileWords.length)] + "." + EXTENSION[type];
                long size = (long) (MEDIAN_BYTES[type] * Math.exp(r.nextGaussian() * 0.9));
                long day = joined + (long) (r.nextDouble() * Math.max(1, today - joined));
                out.add(id).add(member).add(fileName).add(MIME[type]).add(size)
                        .add(checksum(r))
                        .add("members/" + member + "/" + id + "/" + fileName)
                        .addTimestamp(day * 86_400 + r.nextInt(86_400));
                out.endRow();
            }
        }
    }

    private static String checksum(SplittableRandom r) {
        char[] hex = new char[64];
        for (int i = 0; i < 64; i += 16) {
            long bits = r.nextLong();
            for (int j = 0; j < 16; j++) {
                hex[i + j] = HEX[(int) (bits >>> (60 - 4 * j)) & 0xF];
            }
        }
        return new String(hex);
    }
}
