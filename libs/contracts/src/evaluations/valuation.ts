// Schemas of valuations: written with its messages.
export {};
