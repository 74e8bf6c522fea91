package io.dbsim.workload;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static io.dbsim.db.schema.Tables.MEMBER_EMPLOYMENTS;
import static io.dbsim.db.schema.Tables.ORGANIZATIONS;
import static io.dbsim.db.schema.Tables.ORGANIZATION_CONTACTS;

/** What HR and data-entry staff do: jobs, their status, organizations and their contacts. */
final class EmploymentOperations {

    private static final String[] TITLES = {"Engineer", "Nurse", "Teacher", "Accountant", "Manager", "Analyst"};
    private static final String[] ROLES = {"hr", "billing", "management", "representative", "it"};

    private EmploymentOperations() {
    }

    /** A member changes job: the current one ends and the new one starts, in one transaction. */
    static void createEmployment(DSLContext db, OperationContext ctx) {
        long member = ctx.keys().member(ctx.random());
        LocalDate today = LocalDate.now();
        OffsetDateTime now = OffsetDateTime.now();
        db.update(MEMBER_EMPLOYMENTS)
                .set(MEMBER_EMPLOYMENTS.IS_CURRENT, false)
                .set(MEMBER_EMPLOYMENTS.END_DATE, DSL.greatest(DSL.val(today), MEMBER_EMPLOYMENTS.START_DATE))
                .set(MEMBER_EMPLOYMENTS.STATUS, "ended")
                .set(MEMBER_EMPLOYMENTS.UPDATED_AT, now)
                .where(MEMBER_EMPLOYMENTS.MEMBER_ID.eq(member))
                .and(MEMBER_EMPLOYMENTS.IS_CURRENT)
                .execute();
        db.insertInto(MEMBER_EMPLOYMENTS)
                .set(MEMBER_EMPLOYMENTS.MEMBER_ID, member)
                .set(MEMBER_EMPLOYMENTS.ORGANIZATION_ID, ctx.keys().organization(ctx.random()))
                .set(MEMBER_EMPLOYMENTS.TITLE, TITLES[ctx.random().nextInt(TITLES.length)])
                .set(MEMBER_EMPLOYMENTS.START_DATE, today)
                .set(MEMBER_EMPLOYMENTS.IS_CURRENT, true)
                .set(MEMBER_EMPLOYMENTS.STATUS, "active")
                .set(MEMBER_EMPLOYMENTS.CREATED_AT, now)
                .set(MEMBER_EMPLOYMENTS.UPDATED_AT, now)
                .execute();
    }

    /** A current job goes on leave or comes back. */
    static void updateEmploymentStatus(DSLContext db, OperationContext ctx) {
        db.update(MEMBER_EMPLOYMENTS)
                .set(MEMBER_EMPLOYMENTS.STATUS, DSL.when(MEMBER_EMPLOYMENTS.STATUS.eq("active"), "on_leave")
                        .when(MEMBER_EMPLOYMENTS.STATUS.eq("on_leave"), "active")
                        .otherwise(MEMBER_EMPLOYMENTS.STATUS))
                .set(MEMBER_EMPLOYMENTS.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER_EMPLOYMENTS.ID.eq(ctx.keys().employment(ctx.random())))
                .execute();
    }

    static void listOrganizations(DSLContext db, OperationContext ctx) {
        db.select(ORGANIZATIONS.ID, ORGANIZATIONS.NAME, ORGANIZATIONS.ORG_TYPE, ORGANIZATIONS.INDUSTRY, ORGANIZATIONS.CITY)
                .from(ORGANIZATIONS)
                .orderBy(ORGANIZATIONS.NAME, ORGANIZATIONS.ID)
                .limit(MemberOperations.PAGE_SIZE).offset(ctx.page() * MemberOperations.PAGE_SIZE)
                .fetch();
    }

    static void createOrganizationContact(DSLContext db, OperationContext ctx) {
        String unique = ctx.unique();
        db.insertInto(ORGANIZATION_CONTACTS)
                .set(ORGANIZATION_CONTACTS.ORGANIZATION_ID, ctx.keys().organization(ctx.random()))
                .set(ORGANIZATION_CONTACTS.FULL_NAME, "Contact " + unique)
                .set(ORGANIZATION_CONTACTS.EMAIL, "contact." + unique + "@example.com")
                .set(ORGANIZATION_CONTACTS.ROLE, ROLES[ctx.random().nextInt(ROLES.length)])
                .set(ORGANIZATION_CONTACTS.IS_PRIMARY, false)
                .set(ORGANIZATION_CONTACTS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }
}
