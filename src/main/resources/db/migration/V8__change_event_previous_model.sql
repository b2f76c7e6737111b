-- A MODEL_CHANGED event's previous row is of another model than its agreement (Sanpete County,
-- UT, from JEM to WSO): keep it, so that status says from which model the agency switched. Null
-- for every other event, whose previous row (if any) is of the agreement's own model.
ALTER TABLE change_event ADD COLUMN previous_model TEXT;
