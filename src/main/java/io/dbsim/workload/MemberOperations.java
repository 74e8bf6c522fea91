package io.dbsim.workload;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static io.dbsim.db.schema.Tables.MEMBERS;
import static io.dbsim.db.schema.Tables.MEMBER_EMPLOYMENTS;
import static io.dbsim.db.schema.Tables.ORGANIZATIONS;
import static io.dbsim.db.schema.Tables.STUDENTS;

/** What the member screens of the application do. */
final class MemberOperations {

    static final int PAGE_SIZE = 20;

    private MemberOperations() {
    }

    /** The member list, sorted by name, one page. */
    static void readMemberList(DSLContext db, OperationContext ctx) {
        db.select(MEMBERS.ID, MEMBERS.MEMBER_NUMBER, MEMBERS.FIRST_NAME, MEMBERS.LAST_NAME, MEMBERS.EMAIL,
                        MEMBERS.STATUS, MEMBERS.CLASSIFICATION, MEMBERS.JOIN_DATE)
                .from(MEMBERS)
                .orderBy(MEMBERS.LAST_NAME, MEMBERS.FIRST_NAME, MEMBERS.ID)
                .limit(PAGE_SIZE).offset(ctx.page() * PAGE_SIZE)
                .fetch();
    }

    /** One member with their employments and employers. */
    static void readMemberDetail(DSLContext db, OperationContext ctx) {
        long id = ctx.keys().member(ctx.random());
        db.selectFrom(MEMBERS).where(MEMBERS.ID.eq(id)).fetchOne();
        db.select(MEMBER_EMPLOYMENTS.ID, MEMBER_EMPLOYMENTS.TITLE, MEMBER_EMPLOYMENTS.START_DATE, MEMBER_EMPLOYMENTS.END_DATE,
                        MEMBER_EMPLOYMENTS.IS_CURRENT, MEMBER_EMPLOYMENTS.STATUS, ORGANIZATIONS.NAME)
                .from(MEMBER_EMPLOYMENTS)
                .join(ORGANIZATIONS).on(ORGANIZATIONS.ID.eq(MEMBER_EMPLOYMENTS.ORGANIZATION_ID))
                .where(MEMBER_EMPLOYMENTS.MEMBER_ID.eq(id))
                .orderBy(MEMBER_EMPLOYMENTS.START_DATE.desc())
                .fetch();
    }

    /** The search form: status, classification and the start of a last name. */
    static void searchMembers(DSLContext db, OperationContext ctx) {
        db.select(MEMBERS.ID, MEMBERS.MEMBER_NUMBER, MEMBERS.FIRST_NAME, MEMBERS.LAST_NAME, MEMBERS.EMAIL, MEMBERS.CITY)
                .from(MEMBERS)
                .where(MEMBERS.STATUS.eq(ctx.status()))
                .and(MEMBERS.CLASSIFICATION.eq(ctx.classification()))
                .and(MEMBERS.LAST_NAME.like(ctx.lastNamePrefix() + "%"))
                .orderBy(MEMBERS.LAST_NAME, MEMBERS.FIRST_NAME)
                .limit(50)
                .fetch();
    }

    static void listStudents(DSLContext db, OperationContext ctx) {
        db.select(STUDENTS.ID, STUDENTS.STUDENT_NUMBER, STUDENTS.INSTITUTION, STUDENTS.PROGRAM, STUDENTS.ENROLLMENT_DATE,
                        MEMBERS.FIRST_NAME, MEMBERS.LAST_NAME)
                .from(STUDENTS)
                .join(MEMBERS).on(MEMBERS.ID.eq(STUDENTS.MEMBER_ID))
                .where(STUDENTS.STATUS.eq("enrolled"))
                .orderBy(STUDENTS.ENROLLMENT_DATE.desc(), STUDENTS.ID)
                .limit(PAGE_SIZE).offset(ctx.page() * PAGE_SIZE)
                .fetch();
    }

    static void createMember(DSLContext db, OperationContext ctx) {
        String unique = ctx.unique();
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(MEMBERS)
                .set(MEMBERS.MEMBER_NUMBER, "W" + unique)
                .set(MEMBERS.FIRST_NAME, "Sim")
                .set(MEMBERS.LAST_NAME, ctx.lastNamePrefix() + "ulated")
                .set(MEMBERS.EMAIL, "member." + unique + "@example.com")
                .set(MEMBERS.PHONE, "(555) 010-" + (1000 + ctx.random().nextInt(9000)))
                .set(MEMBERS.CITY, "Springfield")
                .set(MEMBERS.COUNTRY, "United States")
                .set(MEMBERS.STATUS, "pending")
                .set(MEMBERS.CLASSIFICATION, ctx.classification())
                .set(MEMBERS.JOIN_DATE, LocalDate.now())
                .set(MEMBERS.CREATED_AT, now)
                .set(MEMBERS.UPDATED_AT, now)
                .execute();
    }

    /** Contact details change; hot members are updated often, so their rows see lock waits. */
    static void updateMember(DSLContext db, OperationContext ctx) {
        db.update(MEMBERS)
                .set(MEMBERS.PHONE, "(555) 020-" + (1000 + ctx.random().nextInt(9000)))
                .set(MEMBERS.STREET, (1 + ctx.random().nextInt(9999)) + " Main Street")
                .set(MEMBERS.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBERS.ID.eq(ctx.keys().member(ctx.random())))
                .execute();
    }

    /**
     * Rendered by jOOQ once: rendering the query tree on every call cost more client CPU than the
     * driver and HikariCP together (a profile put 60% of the simulator's CPU in jOOQ's renderer).
     * The result is coerced to the table's fields, or jOOQ rebuilds them from the JDBC metadata
     * on every call.
     */
    private static final String PK_LOOKUP_SQL = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false))
            .selectFrom(MEMBERS).where(MEMBERS.ID.eq(0L)).getSQL();

    /** The primary-key read the driver benchmark compares with pgbench: one row by a uniformly random id. */
    static void pkLookup(DSLContext db, OperationContext ctx) {
        db.resultQuery(PK_LOOKUP_SQL, ctx.keys().anyMember(ctx.random())).coerce(MEMBERS).fetchOne();
    }
}
