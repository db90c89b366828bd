/** The names of the people who wrote here, kept from members' events. */
export interface AuthorsTable {
  person_id: string;
  display_name: string;
  /** When members gave this name (null: taken from the author's own request). */
  name_as_of: Date | null;
}

export interface AuthorTables {
  authors: AuthorsTable;
}
