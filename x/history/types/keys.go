package types

// ModuleName is the name of the x/history module. It has no store: it reads
// x/proposals, x/review and x/empowered, which cannot read each other in
// this direction without a cycle.
const ModuleName = "history"
