package io.dbsim.workload;

import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static io.dbsim.db.schema.Tables.MEMBERS;
import static io.dbsim.db.schema.Tables.MEMBER_EMPLOYMENTS;
import static io.dbsim.db.schema.Tables.ORGANIZATIONS;
import static io.dbsim.db.schema.Tables.STUDENTS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/** What the member screens of the application do. */
final class MemberOperations {

    static final int PAGE_SIZE = 20;

    /** The member list, sorted by name, one page. */
    private static final Sql MEMBER_LIST = new Sql(DSL.select(MEMBERS.ID, MEMBERS.MEMBER_NUMBER, MEMBERS.FIRST_NAME,
                    MEMBERS.LAST_NAME, MEMBERS.EMAIL, MEMBERS.STATUS, MEMBERS.CLASSIFICATION, MEMBERS.JOIN_DATE)
            .from(MEMBERS)
            .orderBy(MEMBERS.LAST_NAME, MEMBERS.FIRST_NAME, MEMBERS.ID)
            .limit(inline(PAGE_SIZE)).offset(param("offset", Integer.class)), "offset");

    private static final Sql MEMBER = new Sql(DSL.selectFrom(MEMBERS).where(MEMBERS.ID.eq(param("id", Long.class))), "id");

    private static final Sql MEMBER_JOBS = new Sql(DSL.select(MEMBER_EMPLOYMENTS.ID, MEMBER_EMPLOYMENTS.TITLE,
                    MEMBER_EMPLOYMENTS.START_DATE, MEMBER_EMPLOYMENTS.END_DATE, MEMBER_EMPLOYMENTS.IS_CURRENT,
                    MEMBER_EMPLOYMENTS.STATUS, ORGANIZATIONS.NAME)
            .from(MEMBER_EMPLOYMENTS)
            .join(ORGANIZATIONS).on(ORGANIZATIONS.ID.eq(MEMBER_EMPLOYMENTS.ORGANIZATION_ID))
            .where(MEMBER_EMPLOYMENTS.MEMBER_ID.eq(param("member", Long.class)))
            .orderBy(MEMBER_EMPLOYMENTS.START_DATE.desc()), "member");

    /** The search form: status, classification and the start of a last name. */
    private static final Sql SEARCH = new Sql(DSL.select(MEMBERS.ID, MEMBERS.MEMBER_NUMBER, MEMBERS.FIRST_NAME,
                    MEMBERS.LAST_NAME, MEMBERS.EMAIL, MEMBERS.CITY)
            .from(MEMBERS)
            .where(MEMBERS.STATUS.eq(param("status", String.class)))
            .and(MEMBERS.CLASSIFICATION.eq(param("classification", String.class)))
            .and(MEMBERS.LAST_NAME.like(param("last_name", String.class)))
            .orderBy(MEMBERS.LAST_NAME, MEMBERS.FIRST_NAME)
            .limit(inline(50)), "status", "classification", "last_name");

    private static final Sql STUDENTS_PAGE = new Sql(DSL.select(STUDENTS.ID, STUDENTS.STUDENT_NUMBER, STUDENTS.INSTITUTION,
                    STUDENTS.PROGRAM, STUDENTS.ENROLLMENT_DATE, MEMBERS.FIRST_NAME, MEMBERS.LAST_NAME)
            .from(STUDENTS)
            .join(MEMBERS).on(MEMBERS.ID.eq(STUDENTS.MEMBER_ID))
            .where(STUDENTS.STATUS.eq(inline("enrolled")))
            .orderBy(STUDENTS.ENROLLMENT_DATE.desc(), STUDENTS.ID)
            .limit(inline(PAGE_SIZE)).offset(param("offset", Integer.class)), "offset");

    private static final Sql NEW_MEMBER = new Sql(DSL.insertInto(MEMBERS)
            .set(MEMBERS.MEMBER_NUMBER, param("member_number", String.class))
            .set(MEMBERS.FIRST_NAME, inline("Sim"))
            .set(MEMBERS.LAST_NAME, param("last_name", String.class))
            .set(MEMBERS.EMAIL, param("email", String.class))
            .set(MEMBERS.PHONE, param("phone", String.class))
            .set(MEMBERS.CITY, inline("Springfield"))
            .set(MEMBERS.COUNTRY, inline("United States"))
            .set(MEMBERS.STATUS, inline("pending"))
            .set(MEMBERS.CLASSIFICATION, param("classification", String.class))
            .set(MEMBERS.JOIN_DATE, param("join_date", LocalDate.class))
            .set(MEMBERS.CREATED_AT, param("created_at", OffsetDateTime.class))
            .set(MEMBERS.UPDATED_AT, param("updated_at", OffsetDateTime.class)),
            "member_number", "last_name", "email", "phone", "classification", "join_date", "created_at", "updated_at");

    private static final Sql CONTACT_DETAILS = new Sql(DSL.update(MEMBERS)
            .set(MEMBERS.PHONE, param("phone", String.class))
            .set(MEMBERS.STREET, param("street", String.class))
            .set(MEMBERS.UPDATED_AT, param("updated_at", OffsetDateTime.class))
            .where(MEMBERS.ID.eq(param("id", Long.class))), "phone", "street", "updated_at", "id");

    private MemberOperations() {
    }

    static void readMemberList(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = MEMBER_LIST.prepare(c)) {
            ps.setInt(1, ctx.page() * PAGE_SIZE);
            MEMBER_LIST.query(ps, ctx);
        }
    }

    /** One member with their employments and employers. */
    static void readMemberDetail(Connection c, OperationContext ctx) throws SQLException {
        long id = ctx.keys().member(ctx.random());
        try (PreparedStatement ps = MEMBER.prepare(c)) {
            ps.setLong(1, id);
            MEMBER.query(ps, ctx);
        }
        try (PreparedStatement ps = MEMBER_JOBS.prepare(c)) {
            ps.setLong(1, id);
            MEMBER_JOBS.query(ps, ctx);
        }
    }

    static void searchMembers(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = SEARCH.prepare(c)) {
            ps.setString(1, ctx.status());
            ps.setString(2, ctx.classification());
            ps.setString(3, ctx.lastNamePrefix() + "%");
            SEARCH.query(ps, ctx);
        }
    }

    static void listStudents(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = STUDENTS_PAGE.prepare(c)) {
            ps.setInt(1, ctx.page() * PAGE_SIZE);
            STUDENTS_PAGE.query(ps, ctx);
        }
    }

    static void createMember(Connection c, OperationContext ctx) throws SQLException {
        String unique = ctx.unique();
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement ps = NEW_MEMBER.prepare(c)) {
            ps.setString(1, "W" + unique);
            ps.setString(2, ctx.lastNamePrefix() + "ulated");
            ps.setString(3, "member." + unique + "@example.com");
            ps.setString(4, "(555) 010-" + (1000 + ctx.random().nextInt(9000)));
            ps.setString(5, ctx.classification());
            ps.setObject(6, LocalDate.now());
            ps.setObject(7, now);
            ps.setObject(8, now);
            NEW_MEMBER.update(ps, ctx);
        }
    }

    /** Contact details change; hot members are updated often, so their rows see lock waits. */
    static void updateMember(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = CONTACT_DETAILS.prepare(c)) {
            ps.setString(1, "(555) 020-" + (1000 + ctx.random().nextInt(9000)));
            ps.setString(2, (1 + ctx.random().nextInt(9999)) + " Main Street");
            ps.setObject(3, OffsetDateTime.now());
            ps.setLong(4, ctx.keys().member(ctx.random()));
            CONTACT_DETAILS.update(ps, ctx);
        }
    }

    /** The primary-key read the driver benchmark compares with pgbench: one row by a uniformly random id. */
    static void pkLookup(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = MEMBER.prepare(c)) {
            ps.setLong(1, ctx.keys().anyMember(ctx.random()));
            MEMBER.query(ps, ctx);
        }
    }
}
