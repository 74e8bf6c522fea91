package io.dbsim.workload;

import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static io.dbsim.db.schema.Tables.MEMBER_EMPLOYMENTS;
import static io.dbsim.db.schema.Tables.ORGANIZATIONS;
import static io.dbsim.db.schema.Tables.ORGANIZATION_CONTACTS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/** What HR and data-entry staff do: jobs, their status, organizations and their contacts. */
final class EmploymentOperations {

    private static final String[] TITLES = {"Engineer", "Nurse", "Teacher", "Accountant", "Manager", "Analyst"};
    private static final String[] ROLES = {"hr", "billing", "management", "representative", "it"};

    private static final Sql END_CURRENT_JOB = new Sql(DSL.update(MEMBER_EMPLOYMENTS)
            .set(MEMBER_EMPLOYMENTS.IS_CURRENT, inline(false))
            .set(MEMBER_EMPLOYMENTS.END_DATE, DSL.greatest(param("today", LocalDate.class), MEMBER_EMPLOYMENTS.START_DATE))
            .set(MEMBER_EMPLOYMENTS.STATUS, inline("ended"))
            .set(MEMBER_EMPLOYMENTS.UPDATED_AT, param("updated_at", OffsetDateTime.class))
            .where(MEMBER_EMPLOYMENTS.MEMBER_ID.eq(param("member", Long.class)))
            .and(MEMBER_EMPLOYMENTS.IS_CURRENT), "today", "updated_at", "member");

    private static final Sql NEW_JOB = new Sql(DSL.insertInto(MEMBER_EMPLOYMENTS)
            .set(MEMBER_EMPLOYMENTS.MEMBER_ID, param("member", Long.class))
            .set(MEMBER_EMPLOYMENTS.ORGANIZATION_ID, param("organization", Long.class))
            .set(MEMBER_EMPLOYMENTS.TITLE, param("title", String.class))
            .set(MEMBER_EMPLOYMENTS.START_DATE, param("start_date", LocalDate.class))
            .set(MEMBER_EMPLOYMENTS.IS_CURRENT, inline(true))
            .set(MEMBER_EMPLOYMENTS.STATUS, inline("active"))
            .set(MEMBER_EMPLOYMENTS.CREATED_AT, param("created_at", OffsetDateTime.class))
            .set(MEMBER_EMPLOYMENTS.UPDATED_AT, param("updated_at", OffsetDateTime.class)),
            "member", "organization", "title", "start_date", "created_at", "updated_at");

    private static final Sql TOGGLE_LEAVE = new Sql(DSL.update(MEMBER_EMPLOYMENTS)
            .set(MEMBER_EMPLOYMENTS.STATUS, DSL.when(MEMBER_EMPLOYMENTS.STATUS.eq(inline("active")), inline("on_leave"))
                    .when(MEMBER_EMPLOYMENTS.STATUS.eq(inline("on_leave")), inline("active"))
                    .otherwise(MEMBER_EMPLOYMENTS.STATUS))
            .set(MEMBER_EMPLOYMENTS.UPDATED_AT, param("updated_at", OffsetDateTime.class))
            .where(MEMBER_EMPLOYMENTS.ID.eq(param("id", Long.class))), "updated_at", "id");

    private static final Sql ORGANIZATIONS_PAGE = new Sql(DSL.select(ORGANIZATIONS.ID, ORGANIZATIONS.NAME,
                    ORGANIZATIONS.ORG_TYPE, ORGANIZATIONS.INDUSTRY, ORGANIZATIONS.CITY)
            .from(ORGANIZATIONS)
            .orderBy(ORGANIZATIONS.NAME, ORGANIZATIONS.ID)
            .limit(inline(MemberOperations.PAGE_SIZE)).offset(param("offset", Integer.class)), "offset");

    private static final Sql NEW_CONTACT = new Sql(DSL.insertInto(ORGANIZATION_CONTACTS)
            .set(ORGANIZATION_CONTACTS.ORGANIZATION_ID, param("organization", Long.class))
            .set(ORGANIZATION_CONTACTS.FULL_NAME, param("full_name", String.class))
            .set(ORGANIZATION_CONTACTS.EMAIL, param("email", String.class))
            .set(ORGANIZATION_CONTACTS.ROLE, param("role", String.class))
            .set(ORGANIZATION_CONTACTS.IS_PRIMARY, inline(false))
            .set(ORGANIZATION_CONTACTS.CREATED_AT, param("created_at", OffsetDateTime.class)),
            "organization", "full_name", "email", "role", "created_at");

    private EmploymentOperations() {
    }

    /** A member changes job: the current one ends and the new one starts, in one transaction. */
    static void createEmployment(Connection c, OperationContext ctx) throws SQLException {
        long member = ctx.keys().member(ctx.random());
        LocalDate today = LocalDate.now();
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement ps = END_CURRENT_JOB.prepare(c)) {
            ps.setObject(1, today);
            ps.setObject(2, now);
            ps.setLong(3, member);
            END_CURRENT_JOB.update(ps, ctx);
        }
        try (PreparedStatement ps = NEW_JOB.prepare(c)) {
            ps.setLong(1, member);
            ps.setLong(2, ctx.keys().organization(ctx.random()));
            ps.setString(3, TITLES[ctx.random().nextInt(TITLES.length)]);
            ps.setObject(4, today);
            ps.setObject(5, now);
            ps.setObject(6, now);
            NEW_JOB.update(ps, ctx);
        }
    }

    /** A current job goes on leave or comes back. */
    static void updateEmploymentStatus(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = TOGGLE_LEAVE.prepare(c)) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setLong(2, ctx.keys().employment(ctx.random()));
            TOGGLE_LEAVE.update(ps, ctx);
        }
    }

    static void listOrganizations(Connection c, OperationContext ctx) throws SQLException {
        try (PreparedStatement ps = ORGANIZATIONS_PAGE.prepare(c)) {
            ps.setInt(1, ctx.page() * MemberOperations.PAGE_SIZE);
            ORGANIZATIONS_PAGE.query(ps, ctx);
        }
    }

    static void createOrganizationContact(Connection c, OperationContext ctx) throws SQLException {
        String unique = ctx.unique();
        try (PreparedStatement ps = NEW_CONTACT.prepare(c)) {
            ps.setLong(1, ctx.keys().organization(ctx.random()));
            ps.setString(2, "Contact " + unique);
            ps.setString(3, "contact." + unique + "@example.com");
            ps.setString(4, ROLES[ctx.random().nextInt(ROLES.length)]);
            ps.setObject(5, OffsetDateTime.now());
            NEW_CONTACT.update(ps, ctx);
        }
    }
}
