// What a service keeps of other services' data, from their events, to answer without asking:
// the names of the people who wrote in it (members), the rules in force in each process (processes).
export * from './authors';
export * from './participation';
