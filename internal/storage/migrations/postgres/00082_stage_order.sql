-- +goose Up
-- A page of one stage in an order other than by id (company, recently
-- changed, recently applied), listed or searched, reads an index range
-- of that stage in the page's order, as (owner_id, status, id) serves it
-- newest and oldest first. With only the owner's index of the order, a
-- page walked past the rows of every other stage, as many as the user
-- has: a search of "acme" among the invited applications of a user with
-- 200,000, by the time changed, walked the 10,000 rows a load had just
-- changed or added (none of them invited) before its page. Each index
-- costs a create one more entry, and a move (which changes the stage and
-- the time changed) one more.
CREATE INDEX applications_owner_status_company ON applications (owner_id, status, company, id);
CREATE INDEX applications_owner_status_updated ON applications (owner_id, status, updated_at, id);
CREATE INDEX applications_owner_status_applied ON applications (owner_id, status, (COALESCE(applied_at, created_at)), id);

-- +goose Down
DROP INDEX applications_owner_status_applied;
DROP INDEX applications_owner_status_updated;
DROP INDEX applications_owner_status_company;
