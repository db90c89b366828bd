/** What a tree needs of a row: its id and its parent's. */
export interface TreeRow {
  id: string;
  parentId: string | null;
}

/**
 * Nests flat rows under their parents, siblings in the rows' order. A row whose parent is not
 * among the rows is a root, so the rows of a subtree give that subtree.
 */
export function assembleTree<Row extends TreeRow, Node>(
  rows: readonly Row[],
  toNode: (row: Row, children: Node[]) => Node,
): Node[] {
  const ids = new Set(rows.map((row) => row.id));
  const childrenOf = new Map<string | null, Row[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), row]);
  }
  const build = (row: Row): Node => toNode(row, (childrenOf.get(row.id) ?? []).map(build));
  return (childrenOf.get(null) ?? []).map(build);
}
