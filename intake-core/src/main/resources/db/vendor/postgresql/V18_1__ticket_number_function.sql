-- The ticket number as TicketNumber writes it (two-digit year, serial of at least seven digits, Damm check digit over
-- every digit before it), so that the insert of a ticket takes its serial from the sequence itself: one round trip
-- less for every new ticket. The intake reads the number back and parses it, check digit included.
create function ticket_number(year integer, serial bigint) returns varchar(24)
language plpgsql immutable strict as $$
declare
    damm constant integer[] := '{{0,3,1,7,5,9,8,6,4,2},{7,0,9,2,1,5,4,8,6,3},{4,2,0,6,8,7,1,3,5,9},'
        '{1,7,5,0,9,8,3,4,2,6},{6,1,2,3,0,4,5,9,7,8},{3,6,7,4,2,0,9,5,8,1},{5,8,6,9,7,2,0,1,3,4},'
        '{8,9,4,5,3,6,2,0,1,7},{9,4,3,8,6,1,7,2,0,5},{2,5,8,1,4,3,6,7,9,0}}';
    year_digits constant text := lpad(year::text, 2, '0');
    serial_digits constant text := case when serial < 1000000 then lpad(serial::text, 7, '0') else serial::text end;
    digits constant text := year_digits || serial_digits;
    interim integer := 0;
begin
    for i in 1 .. length(digits) loop
        interim := damm[interim + 1][ascii(substr(digits, i, 1)) - 47];
    end loop;
    return year_digits || '-' || serial_digits || '-' || interim;
end
$$;
