package io.dbsim.workload;

import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import static io.dbsim.db.schema.Tables.FILE_ATTACHMENTS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/** Document processing: a member's files, one file's metadata, a new upload's record. */
final class FileOperations {

    private static final String[] MIME = {"application/pdf", "image/jpeg", "image/png"};
    private static final String[] EXTENSION = {"pdf", "jpg", "png"};

    private static final Sql MEMBER_FILES = new Sql(DSL.select(FILE_ATTACHMENTS.ID, FILE_ATTACHMENTS.FILE_NAME,
                    FILE_ATTACHMENTS.MIME_TYPE, FILE_ATTACHMENTS.SIZE_BYTES, FILE_ATTACHMENTS.CREATED_AT)
            .from(FILE_ATTACHMENTS)
            .where(FILE_ATTACHMENTS.MEMBER_ID.eq(param("member", Long.class)))
            .orderBy(FILE_ATTACHMENTS.CREATED_AT.desc())
            .limit(inline(50)), "member");

    private static final Sql FILE = new Sql(DSL.selectFrom(FILE_ATTACHMENTS)
            .where(FILE_ATTACHMENTS.ID.eq(param("id", Long.class))), "id");

    private static final Sql NEW_FILE = new Sql(DSL.insertInto(FILE_ATTACHMENTS)
            .set(FILE_ATTACHMENTS.MEMBER_ID, param("member", Long.class))
            .set(FILE_ATTACHMENTS.FILE_NAME, param("file_name", String.class))
            .set(FILE_ATTACHMENTS.MIME_TYPE, param("mime_type", String.class))
            .set(FILE_ATTACHMENTS.SIZE_BYTES, param("size_bytes", Long.class))
            .set(FILE_ATTACHMENTS.CHECKSUM_SHA256, param("checksum", String.class))
            .set(FILE_ATTACHMENTS.STORAGE_PATH, param("storage_path", String.class))
            .set(FILE_ATTACHMENTS.CREATED_AT, param("created_at", OffsetDateTime.class)),
            "member", "file_name", "mime_type", "size_bytes", "checksum", "storage_path", "created_at");

    private FileOperations() {
    }

    static void listFileAttachments(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = MEMBER_FILES.prepare(c)) {
            ps.setLong(1, ctx.keys().member(ctx.random()));
            MEMBER_FILES.query(ps, ctx);
        }
    }

    static void readFileMetadata(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = FILE.prepare(c)) {
            ps.setLong(1, ctx.keys().attachment(ctx.random()));
            FILE.query(ps, ctx);
        }
    }

    static void createFileAttachment(Connection c, OperationContext ctx) throws SQLException {
        long member = ctx.keys().member(ctx.random());
        int type = ctx.random().nextInt(MIME.length);
        String unique = ctx.unique();
        String fileName = "upload_" + unique + "." + EXTENSION[type];
        StringBuilder checksum = new StringBuilder(64);
        while (checksum.length() < 64) {
            checksum.append(Long.toHexString(ctx.random().nextLong() | Long.MIN_VALUE));
        }
        try (PreparedStatement ps = NEW_FILE.prepare(c)) {
            ps.setLong(1, member);
            ps.setString(2, fileName);
            ps.setString(3, MIME[type]);
            ps.setLong(4, 10_000L + ctx.random().nextLong(5_000_000L));
            ps.setString(5, checksum.substring(0, 64));
            ps.setString(6, "members/" + member + "/uploads/" + fileName);
            ps.setObject(7, OffsetDateTime.now());
            NEW_FILE.update(ps, ctx);
        }
    }
}
