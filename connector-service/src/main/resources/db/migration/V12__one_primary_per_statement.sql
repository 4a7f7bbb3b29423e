-- Making another connection primary is one UPDATE that clears the old flag and sets the new one.
-- A unique index is checked row by row, so that UPDATE failed whenever Postgres happened to visit
-- the new primary first. A deferrable constraint is checked at the end of the statement instead
-- (still immediately, not at commit); a partial rule needs an exclusion constraint for that.
drop index connections_one_primary;
alter table connections
    add constraint connections_one_primary
    exclude using btree (organisation_id with =, type with =) where (is_primary)
    deferrable initially immediate;
