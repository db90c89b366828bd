// Schemas of campaigns: written with its messages.
export {};
