// One page of meetings for each of many people at once (Person.meetings under a list of people),
// oldest first, keyset-paged on (date, id); $limit is the page size plus one. Each meeting comes
// whole (meeting/row), so a page costs this one round trip, not a second one for the meetings.
UNWIND $keys AS key
#include meeting/page
#include meeting/row
RETURN key, meeting AS value
ORDER BY m.date, m.id
