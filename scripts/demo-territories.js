// @ts-check
/**
 * The territories and themes of the French demo: the régions, départements, intercommunalities,
 * towns and quartiers the network's 2019 seminar and the demo organisations name, with their
 * official codes (INSEE codes of régions, départements and communes, SIREN numbers of EPCI), and
 * the seminar's four work streams with the transition themes of "Terre de Convergence" under the
 * fourth. Loaded through the processes service's messages, as a platform admin.
 */

/**
 * @typedef {'region' | 'departement' | 'epci' | 'commune' | 'quartier'} TerritoryType
 * @typedef {{ key: string, name: string, type: TerritoryType, code?: string, parent?: string }} DemoTerritory
 */

/** Parents come before their children. @type {DemoTerritory[]} */
const territories = [
  { key: 'occitanie', name: 'Occitanie', type: 'region', code: '76' },
  { key: 'normandie', name: 'Normandie', type: 'region', code: '28' },
  { key: 'hautsDeFrance', name: 'Hauts-de-France', type: 'region', code: '32' },
  { key: 'bourgogneFrancheComte', name: 'Bourgogne-Franche-Comté', type: 'region', code: '27' },
  { key: 'ileDeFrance', name: 'Île-de-France', type: 'region', code: '11' },
  { key: 'auvergneRhoneAlpes', name: 'Auvergne-Rhône-Alpes', type: 'region', code: '84' },
  { key: 'bretagne', name: 'Bretagne', type: 'region', code: '53' },
  { key: 'provenceAlpesCoteDAzur', name: "Provence-Alpes-Côte d'Azur", type: 'region', code: '93' },

  { key: 'gard', name: 'Gard', type: 'departement', code: '30', parent: 'occitanie' },
  { key: 'herault', name: 'Hérault', type: 'departement', code: '34', parent: 'occitanie' },
  { key: 'hauteGaronne', name: 'Haute-Garonne', type: 'departement', code: '31', parent: 'occitanie' },
  { key: 'calvados', name: 'Calvados', type: 'departement', code: '14', parent: 'normandie' },
  { key: 'nord', name: 'Nord', type: 'departement', code: '59', parent: 'hautsDeFrance' },
  { key: 'pasDeCalais', name: 'Pas-de-Calais', type: 'departement', code: '62', parent: 'hautsDeFrance' },
  { key: 'coteDOr', name: "Côte-d'Or", type: 'departement', code: '21', parent: 'bourgogneFrancheComte' },
  { key: 'parisDepartement', name: 'Paris', type: 'departement', code: '75', parent: 'ileDeFrance' },
  { key: 'seineSaintDenis', name: 'Seine-Saint-Denis', type: 'departement', code: '93', parent: 'ileDeFrance' },
  { key: 'rhone', name: 'Rhône', type: 'departement', code: '69', parent: 'auvergneRhoneAlpes' },
  {
    key: 'bouchesDuRhone',
    name: 'Bouches-du-Rhône',
    type: 'departement',
    code: '13',
    parent: 'provenceAlpesCoteDAzur',
  },

  { key: 'metropoleLille', name: 'Métropole Européenne de Lille', type: 'epci', code: '200093201', parent: 'nord' },
  {
    key: 'montpellierMetropole',
    name: 'Montpellier Méditerranée Métropole',
    type: 'epci',
    code: '243400017',
    parent: 'herault',
  },
  {
    key: 'bethuneBruay',
    name: "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane",
    type: 'epci',
    code: '200072460',
    parent: 'pasDeCalais',
  },

  { key: 'leVigan', name: 'Le Vigan', type: 'commune', code: '30350', parent: 'gard' },
  { key: 'nimes', name: 'Nîmes', type: 'commune', code: '30189', parent: 'gard' },
  { key: 'saintHippolyteDuFort', name: 'Saint-Hippolyte-du-Fort', type: 'commune', code: '30259', parent: 'gard' },
  { key: 'montpellier', name: 'Montpellier', type: 'commune', code: '34172', parent: 'montpellierMetropole' },
  { key: 'toulouse', name: 'Toulouse', type: 'commune', code: '31555', parent: 'hauteGaronne' },
  { key: 'caen', name: 'Caen', type: 'commune', code: '14118', parent: 'calvados' },
  { key: 'herouvilleSaintClair', name: 'Hérouville-Saint-Clair', type: 'commune', code: '14327', parent: 'calvados' },
  { key: 'lille', name: 'Lille', type: 'commune', code: '59350', parent: 'metropoleLille' },
  { key: 'bethune', name: 'Béthune', type: 'commune', code: '62119', parent: 'bethuneBruay' },
  { key: 'boulogneSurMer', name: 'Boulogne-sur-Mer', type: 'commune', code: '62160', parent: 'pasDeCalais' },
  { key: 'dijon', name: 'Dijon', type: 'commune', code: '21231', parent: 'coteDOr' },
  { key: 'isSurTille', name: 'Is-sur-Tille', type: 'commune', code: '21317', parent: 'coteDOr' },
  { key: 'paris', name: 'Paris', type: 'commune', code: '75056', parent: 'parisDepartement' },
  { key: 'lyon', name: 'Lyon', type: 'commune', code: '69123', parent: 'rhone' },
  { key: 'marseille', name: 'Marseille', type: 'commune', code: '13055', parent: 'bouchesDuRhone' },

  { key: 'lilleSud', name: 'Lille-Sud', type: 'quartier', parent: 'lille' },
  { key: 'croixRousse', name: 'Croix-Rousse', type: 'quartier', parent: 'lyon' },
  { key: 'marseilleQuartiersNord', name: 'Quartiers nord', type: 'quartier', parent: 'marseille' },
];

/**
 * @typedef {{ key: string, name: { fr: string, en: string }, colour: string, parent?: string,
 *   description?: { fr: string, en: string } }} DemoTheme
 */

/** The four work streams in their order, then the transition themes under the fourth. @type {DemoTheme[]} */
const themes = [
  {
    key: 'innovation',
    name: {
      fr: 'Innovation sociale et citoyenne pour le développement territorial',
      en: 'Social and citizen innovation for territorial development',
    },
    description: {
      fr: 'Tiers-lieux, garages solidaires, Territoires zéro chômeur, gares réinventées : animer les territoires avec leurs habitants.',
      en: 'Third places, solidarity garages, zero long-term unemployment territories, new lives for stations.',
    },
    colour: '#1565c0',
  },
  {
    key: 'evaluation',
    name: {
      fr: "Évaluation de l'utilité sociale et de l'impact social",
      en: 'Assessing social utility and social impact',
    },
    description: {
      fr: "Compter et conter : des démarches d'évaluation participatives, au service de l'amélioration des pratiques.",
      en: 'Counting and telling: participatory assessment that helps practices improve.',
    },
    colour: '#6a1b9a',
  },
  {
    key: 'modeles',
    name: {
      fr: "Modèles socio-économiques des petites structures de l'ESS",
      en: 'Socio-economic models of small social and solidarity economy organisations',
    },
    description: {
      fr: "Créer, consolider et pérenniser les petites entreprises et associations de l'économie solidaire.",
      en: 'Creating, strengthening and sustaining small solidarity economy organisations.',
    },
    colour: '#ef6c00',
  },
  {
    key: 'plaidoyer',
    name: { fr: 'Plaidoyer pour la transition', en: 'Advocacy for the transition' },
    description: {
      fr: 'Une transition économique, écologique, démocratique et sociale, portée avec les collectivités.',
      en: 'An economic, ecological, democratic and social transition, carried with local authorities.',
    },
    colour: '#2e7d32',
  },
  {
    key: 'alimentation',
    name: { fr: 'Alimentation durable', en: 'Sustainable food' },
    colour: '#558b2f',
    parent: 'plaidoyer',
  },
  {
    key: 'terre',
    name: { fr: 'Accès solidaire à la terre', en: 'Fair access to land' },
    colour: '#6d4c41',
    parent: 'plaidoyer',
  },
  { key: 'energie', name: { fr: 'Énergie éthique', en: 'Ethical energy' }, colour: '#f9a825', parent: 'plaidoyer' },
  {
    key: 'deciderEnsemble',
    name: { fr: 'Décider ensemble', en: 'Deciding together' },
    colour: '#8e24aa',
    parent: 'plaidoyer',
  },
  {
    key: 'biodiversite',
    name: { fr: 'Préservation de la biodiversité', en: 'Preserving biodiversity' },
    colour: '#00897b',
    parent: 'plaidoyer',
  },
  {
    key: 'solidariteInternationale',
    name: { fr: 'Solidarité internationale', en: 'International solidarity' },
    colour: '#0277bd',
    parent: 'plaidoyer',
  },
];

/**
 * Creates the demo territories and themes as `admin`; answers their ids by key
 * (`territories.gard`, `themes.plaidoyer`…) for the processes that refer to them.
 * @param {import('@convergences/messaging').ServiceClient} client
 * @param {(actor: import('@convergences/contracts').Actor | null) => import('@convergences/messaging').CallContext} context
 * @param {import('@convergences/contracts').Actor} admin
 * @returns {Promise<{ territories: Record<string, string>, themes: Record<string, string> }>}
 */
async function loadTerritoriesAndThemes(client, context, admin) {
  /** @type {Record<string, string>} */
  const territoryIds = {};
  for (const { key, parent, code, ...fields } of territories) {
    const created = await client.request(
      'processes.territory.create',
      { ...fields, code: code ?? null, parentId: parent ? territoryIds[parent] : null },
      context(admin),
    );
    territoryIds[key] = created.id;
  }
  /** @type {Record<string, string>} */
  const themeIds = {};
  for (const { key, parent, ...fields } of themes) {
    const created = await client.request(
      'processes.theme.create',
      { ...fields, parentId: parent ? themeIds[parent] : null },
      context(admin),
    );
    themeIds[key] = created.id;
  }
  return { territories: territoryIds, themes: themeIds };
}

module.exports = { loadTerritoriesAndThemes, territories, themes };
