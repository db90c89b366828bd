// Schemas of progresss: written with its messages.
export {};
