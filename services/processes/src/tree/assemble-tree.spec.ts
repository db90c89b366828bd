import { assembleTree } from './assemble-tree';

interface Named {
  name: string;
  children: Named[];
}
const toNamed = (row: { name: string }, children: Named[]): Named => ({ name: row.name, children });

describe('assembleTree', () => {
  const rows = [
    { id: 'occitanie', parentId: null, name: 'Occitanie' },
    { id: 'gard', parentId: 'occitanie', name: 'Gard' },
    { id: 'herault', parentId: 'occitanie', name: 'Hérault' },
    { id: 'vigan', parentId: 'gard', name: 'Le Vigan' },
    { id: 'nimes', parentId: 'gard', name: 'Nîmes' },
    { id: 'normandie', parentId: null, name: 'Normandie' },
  ];

  it('nests rows under their parents, keeping the order of the rows among siblings', () => {
    expect(assembleTree(rows, toNamed)).toEqual([
      {
        name: 'Occitanie',
        children: [
          {
            name: 'Gard',
            children: [
              { name: 'Le Vigan', children: [] },
              { name: 'Nîmes', children: [] },
            ],
          },
          { name: 'Hérault', children: [] },
        ],
      },
      { name: 'Normandie', children: [] },
    ]);
  });

  it('makes a root of a row whose parent is not among the rows, so a subtree stands alone', () => {
    const gard = rows.filter((r) => ['gard', 'vigan', 'nimes'].includes(r.id));
    expect(assembleTree(gard, toNamed)).toEqual([
      {
        name: 'Gard',
        children: [
          { name: 'Le Vigan', children: [] },
          { name: 'Nîmes', children: [] },
        ],
      },
    ]);
  });

  it('does not depend on parents coming before their children', () => {
    expect(assembleTree([...rows].reverse(), toNamed).map((n) => n.name)).toEqual(['Normandie', 'Occitanie']);
  });

  it('answers an empty forest for no rows', () => {
    expect(assembleTree([], toNamed)).toEqual([]);
  });
});
