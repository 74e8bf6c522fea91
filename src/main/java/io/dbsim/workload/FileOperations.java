package io.dbsim.workload;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;

import static io.dbsim.db.schema.Tables.FILE_ATTACHMENTS;

/** Document processing: a member's files, one file's metadata, a new upload's record. */
final class FileOperations {

    private static final String[] MIME = {"application/pdf", "image/jpeg", "image/png"};
    private static final String[] EXTENSION = {"pdf", "jpg", "png"};

    private FileOperations() {
    }

    static void listFileAttachments(DSLContext db, OperationContext ctx) {
        db.select(FILE_ATTACHMENTS.ID, FILE_ATTACHMENTS.FILE_NAME, FILE_ATTACHMENTS.MIME_TYPE, FILE_ATTACHMENTS.SIZE_BYTES,
                        FILE_ATTACHMENTS.CREATED_AT)
                .from(FILE_ATTACHMENTS)
                .where(FILE_ATTACHMENTS.MEMBER_ID.eq(ctx.keys().member(ctx.random())))
                .orderBy(FILE_ATTACHMENTS.CREATED_AT.desc())
                .limit(50)
                .fetch();
    }

    static void readFileMetadata(DSLContext db, OperationContext ctx) {
        db.selectFrom(FILE_ATTACHMENTS).where(FILE_ATTACHMENTS.ID.eq(ctx.keys().attachment(ctx.random()))).fetchOne();
    }

    static void createFileAttachment(DSLContext db, OperationContext ctx) {
        long member = ctx.keys().member(ctx.random());
        int type = ctx.random().nextInt(MIME.length);
        String unique = ctx.unique();
        String fileName = "upload_" + unique + "." + EXTENSION[type];
        StringBuilder checksum = new StringBuilder(64);
        while (checksum.length() < 64) {
            checksum.append(Long.toHexString(ctx.random().nextLong() | Long.MIN_VALUE));
        }
        db.insertInto(FILE_ATTACHMENTS)
                .set(FILE_ATTACHMENTS.MEMBER_ID, member)
                .set(FILE_ATTACHMENTS.FILE_NAME, fileName)
                .set(FILE_ATTACHMENTS.MIME_TYPE, MIME[type])
                .set(FILE_ATTACHMENTS.SIZE_BYTES, 10_000L + ctx.random().nextLong(5_000_000L))
                .set(FILE_ATTACHMENTS.CHECKSUM_SHA256, checksum.substring(0, 64))
                .set(FILE_ATTACHMENTS.STORAGE_PATH, "members/" + member + "/uploads/" + fileName)
                .set(FILE_ATTACHMENTS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }
}
