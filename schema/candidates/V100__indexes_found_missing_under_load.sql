-- Indexes a busy member application finds it needs once real traffic arrives:
-- searches by last name prefix, status and classification, and a member's current employment.
-- Kept out of schema/ on purpose: dbsim measures the application without them and with them.
CREATE INDEX members_last_name_idx ON members (last_name varchar_pattern_ops);
CREATE INDEX members_status_classification_idx ON members (status, classification);
CREATE INDEX member_employments_member_current_idx ON member_employments (member_id, is_current);
