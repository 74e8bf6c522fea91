-- Test only: takes away the indexes search_members needs (added by schema/candidates/V100), so the
-- observation tests can check that dbsim names the missing index.
DROP INDEX members_last_name_idx;
DROP INDEX members_status_classification_idx;
