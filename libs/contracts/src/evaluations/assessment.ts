// Schemas of assessments: written with its messages.
export {};
