// Schemas of stakeholders: written with its messages.
export {};
