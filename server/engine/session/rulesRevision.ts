// Rubric revisions: a change to how a rule measures a chat gets a new number, and a session keeps
// the number it started with (stored with the session), so replaying an old log gives the verdicts
// its trainee saw. New sessions use the latest.
//   1: a reply's response time runs from the buyer's latest line.
//   2: lines the buyer sends only because nobody answered (nudges, a parting line) do not restart
//      the clock: the wait runs from the line the buyer was waiting on.
export const RULES_REVISION = 2;
