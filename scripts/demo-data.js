// @ts-check
/**
 * The French demo: a published consultation drawn from the first work stream of the network's
 * 2019 seminar (social and citizen innovation for territorial development), a draft one, and a
 * few proposals by the demo participants. Loaded through the services' own messages, so every
 * rule and event applies as for any user.
 */
const path = require('node:path');
const fs = require('node:fs');
const { loadCampaigns } = require('./demo-evaluations.js');
const { loadTerritoriesAndThemes } = require('./demo-territories.js');

const usersFile = path.resolve(__dirname, '../infra/keycloak/dev/convergences-users-0.json');

/** The demo people, with the identity provider's subjects when the dev users file is there. */
function demoPeople() {
  const users = fs.existsSync(usersFile) ? JSON.parse(fs.readFileSync(usersFile, 'utf8')).users : [];
  const byName = Object.fromEntries(users.map((u) => [u.username, u]));
  const person = (username, fallbackName, roles) => {
    const user = byName[username];
    return {
      subject: user?.id ?? `demo:${username}`,
      username,
      email: user?.email ?? null,
      displayName: user ? `${user.firstName} ${user.lastName}` : fallbackName,
      roles,
      locale: /** @type {'fr'} */ ('fr'),
    };
  };
  return {
    admin: person('admin', 'Coordination nationale', ['admin', 'participant']),
    alice: person('alice', 'Alice', ['participant']),
    bob: person('bob', 'Bob', ['participant']),
    valuator: person('valuator', 'Commission mixte', ['participant']),
  };
}

const consultation = {
  slug: 'innover-ensemble-pour-nos-territoires',
  title: {
    fr: 'Innover ensemble pour le développement de nos territoires',
    en: 'Innovating together for the development of our territories',
  },
  description: {
    fr:
      "Collectivités, associations et habitants co-construisent des projets d'innovation sociale et citoyenne : " +
      'tiers-lieux, garages solidaires, Territoires zéro chômeur de longue durée, réinvention de lieux publics comme ' +
      'les gares. Proposez des actions pour votre territoire, découvrez celles des autres et aidez les élus à les ' +
      'porter.',
    en:
      'Local authorities, associations and inhabitants co-build social and citizen innovation projects: third places, ' +
      'solidarity garages, zero long-term unemployment territories, new lives for public places such as stations. ' +
      'Propose actions for your territory and discover those of others.',
  },
  status: 'published',
  startDate: '2026-09-01',
  endDate: '2027-06-30',
  settings: {
    supportQuota: 10,
    supportThreshold: 50,
    editWindowMinutes: 60,
    geolocationEnabled: true,
    answersWithCosts: true,
  },
};

/**
 * The consultation's phases: information, then proposals (the active one in the demo), then
 * supports, which the scheduler opens by itself at its start, then results.
 */
function consultationPhases(now = new Date()) {
  const day = 24 * 3600_000;
  const at = (days) => new Date(now.getTime() + days * day).toISOString();
  return [
    {
      title: { fr: 'Information', en: 'Information' },
      description: {
        fr: 'Découvrir la démarche, les initiatives déjà portées sur les territoires et le calendrier.',
        en: 'Discover the approach, the initiatives already under way and the calendar.',
      },
      startsAt: at(-60),
      endsAt: at(-30),
      rules: { comments: { enabled: true } },
    },
    {
      title: { fr: 'Propositions', en: 'Proposals' },
      description: {
        fr: 'Habitants, associations et collectivités déposent leurs propositions et en débattent.',
        en: 'Inhabitants, associations and local authorities submit proposals and discuss them.',
      },
      startsAt: at(-30),
      endsAt: at(30),
      rules: { proposals: { creationEnabled: true, endorsementsEnabled: true }, debates: { creationEnabled: true } },
      activate: true,
    },
    {
      title: { fr: 'Soutiens', en: 'Supports' },
      description: {
        fr: 'Chacun soutient jusqu’à dix propositions ; les plus soutenues sont étudiées par les élus.',
        en: 'Everyone supports up to ten proposals; the most supported are studied by elected officials.',
      },
      startsAt: at(30),
      endsAt: at(60),
      autoActivate: true,
      rules: { proposals: { supportsEnabled: true, endorsementsEnabled: true } },
    },
    {
      title: { fr: 'Résultats', en: 'Results' },
      description: {
        fr: 'Les réponses officielles aux propositions et les projets retenus.',
        en: 'Official answers to the proposals and the projects selected.',
      },
      startsAt: at(60),
      rules: { proposals: { answersPublished: true, supportsEnabled: true, supportsBlocked: true } },
    },
  ];
}

/** Adds the consultation's phases and activates the one the demo runs in. */
async function loadPhases(client, context, admin, processId) {
  for (const { activate, ...phase } of consultationPhases()) {
    const created = await client.request('processes.phase.create', { processId, ...phase }, context(admin));
    if (activate) await client.request('processes.phase.activate', { processId, phaseId: created.id }, context(admin));
  }
}

const draftCampaign = {
  slug: 'evaluer-notre-utilite-sociale',
  title: { fr: 'Évaluer notre utilité sociale, ensemble', en: 'Assessing our social utility, together' },
  description: {
    fr: "Compter et conter : définir collectivement nos critères d'utilité sociale avant la prochaine campagne d'évaluation.",
    en: 'Counting and telling: define our social utility criteria together before the next assessment campaign.',
  },
  status: 'draft',
};

const proposals = [
  {
    author: 'alice',
    title: 'Ouvrir un garage solidaire dans chaque bassin de vie',
    body:
      "Beaucoup d'habitants renoncent à un emploi faute de pouvoir réparer leur voiture. Un garage solidaire, porté " +
      "par une association d'insertion, répare à prix coûtant et forme des salariés en parcours d'insertion.",
  },
  {
    author: 'bob',
    title: 'Transformer la gare désaffectée en tiers-lieu coopératif',
    body:
      'La gare est fermée depuis des années. Un tiers-lieu y accueillerait un espace de travail partagé, un café ' +
      'associatif, un point de services publics et des ateliers de réparation.',
  },
  {
    author: 'alice',
    title: "Candidater à l'expérimentation Territoires zéro chômeur de longue durée",
    body:
      "Réunir élus, associations et personnes privées d'emploi pour préparer la candidature du territoire et créer " +
      'une entreprise à but d’emploi qui réponde à des besoins locaux non couverts.',
  },
  {
    author: 'bob',
    title: "Créer un guichet unique des services d'insertion et d'emploi",
    body:
      "Faire converger les services d'emploi et de réinsertion vers un lieu unique, avec un accueil commun et des " +
      'permanences des structures de l’économie solidaire.',
  },
  {
    author: 'alice',
    title: 'Structurer une filière d’alimentation durable avec les AMAP',
    body:
      'Relier les AMAP, les producteurs locaux et la restauration collective pour une alimentation durable, avec un ' +
      'accès solidaire à la terre pour les nouveaux paysans.',
  },
];

/**
 * The network of networks from the seed: the national movement, its member networks (regional and
 * thematic) and a few local organisations in the regional networks, at their towns' coordinates.
 * `network` names the key of the network each one belongs to; `pending` ones await verification;
 * `territoryKey` is the key of its territory in demo-territories.js (national networks: Paris).
 */
const organizations = [
  {
    key: 'mes',
    territoryKey: 'paris',
    name: "Mouvement pour l'Économie Solidaire",
    kind: 'reseau',
    description: {
      fr:
        "Le réseau des réseaux de l'économie solidaire, fondé en 2002 sur les fondations de l'Inter-réseaux de " +
        "l'économie solidaire : il coordonne et mutualise l'action de ses membres, territoriaux et sectoriels.",
      en: 'The network of networks of the solidarity economy, founded in 2002.',
    },
    website: 'https://www.lemes.org',
    address: '221 rue de Belleville, 75019 Paris',
    latitude: 48.8756,
    longitude: 2.392,
  },
  {
    key: 'ardes',
    territoryKey: 'caen',
    name: 'ARDES — Normandie',
    kind: 'reseau',
    network: 'mes',
    description: {
      fr: "Porteur et accompagnateur de projets d'économie solidaire en Normandie, engagé dans l'expérimentation Territoires zéro chômeur de longue durée.",
    },
    address: 'Caen',
    latitude: 49.1829,
    longitude: -0.3707,
  },
  {
    key: 'apes',
    territoryKey: 'lille',
    name: 'APES — Hauts-de-France',
    kind: 'reseau',
    network: 'mes',
    description: {
      fr: "Animation territoriale de l'économie solidaire sur seize territoires des Hauts-de-France, en coopération avec les collectivités.",
    },
    address: 'Lille',
    latitude: 50.6292,
    longitude: 3.0573,
  },
  {
    key: 'pesad',
    territoryKey: 'dijon',
    name: 'PESAD 21 — Le Générateur Bourgogne-Franche-Comté',
    kind: 'reseau',
    network: 'mes',
    description: {
      fr: 'Six acteurs du développement territorial qui accompagnent les collectivités : tiers-lieux, garages solidaires, réinvention des gares.',
    },
    address: 'Dijon',
    latitude: 47.322,
    longitude: 5.0415,
  },
  {
    key: 'mesOccitanie',
    territoryKey: 'toulouse',
    name: 'MES Occitanie',
    kind: 'reseau',
    network: 'mes',
    description: {
      fr: "Porte le réseau des relais locaux de l'économie solidaire en Occitanie et l'outil de co-évaluation de l'utilité sociale EVALUMIP.",
    },
    address: 'Toulouse',
    latitude: 43.6047,
    longitude: 1.4442,
  },
  {
    key: 'ufisc',
    territoryKey: 'paris',
    name: 'UFISC',
    kind: 'reseau',
    network: 'mes',
    description: { fr: 'Union fédérale d’intervention des structures culturelles.' },
    address: '221 rue de Belleville, 75019 Paris',
    latitude: 48.8756,
    longitude: 2.392,
  },
  {
    key: 'miramap',
    territoryKey: 'lyon',
    name: 'MIRAMAP',
    kind: 'reseau',
    network: 'mes',
    description: { fr: 'Le mouvement inter-régional des AMAP et de leur système participatif de garantie.' },
    address: 'Lyon',
    latitude: 45.764,
    longitude: 4.8357,
  },
  {
    key: 'unadel',
    territoryKey: 'paris',
    name: 'UNADEL',
    kind: 'reseau',
    network: 'mes',
    description: { fr: 'Union nationale des acteurs du développement local.' },
    address: 'Paris',
    latitude: 48.8566,
    longitude: 2.3522,
  },
  {
    key: 'cnlrq',
    territoryKey: 'paris',
    name: 'Comité National de Liaison des Régies de Quartier',
    kind: 'reseau',
    network: 'mes',
    description: { fr: 'Le réseau des Régies de Quartier et Régies de Territoire, et leur démarche qualité.' },
    address: 'Paris',
    latitude: 48.8606,
    longitude: 2.3376,
  },
  {
    key: 'opale',
    territoryKey: 'lyon',
    name: 'Opale',
    kind: 'association',
    network: 'ufisc',
    description: { fr: "Centre de ressources culture et ESS, auteur de l'outil d'évaluation ESS'perluette." },
    address: 'Lyon',
    latitude: 45.7578,
    longitude: 4.832,
  },
  {
    key: 'terres',
    territoryKey: 'leVigan',
    name: 'Terres de Convergence',
    kind: 'association',
    network: 'mesOccitanie',
    description: {
      fr: 'Près d’une centaine d’associations et collectifs de la transition dans le triangle Nîmes, Montpellier, Le Vigan.',
    },
    address: 'Le Vigan (Gard)',
    latitude: 43.9913,
    longitude: 3.6063,
  },
  {
    key: 'kpsens',
    name: 'KPsens',
    kind: 'relais_local',
    network: 'mesOccitanie',
    description: {
      fr: "Relais local de l'économie solidaire, auteur d'un label départemental fondé sur l'auto-évaluation.",
    },
  },
  {
    key: 'amap',
    territoryKey: 'croixRousse',
    name: 'AMAP de la Croix-Rousse',
    kind: 'amap',
    network: 'miramap',
    description: { fr: 'Des paniers de légumes de deux fermes voisines, distribués chaque jeudi soir.' },
    address: 'Lyon 4e',
    latitude: 45.7745,
    longitude: 4.832,
  },
  {
    key: 'regie',
    territoryKey: 'lilleSud',
    name: 'Régie de quartier de Lille-Sud',
    kind: 'regie_de_quartier',
    network: 'apes',
    description: {
      fr: 'Entretien des espaces communs, jardins partagés et emplois d’insertion pour les habitants du quartier.',
    },
    address: 'Lille-Sud',
    latitude: 50.6126,
    longitude: 3.0487,
  },
  {
    key: 'tiersLieu',
    territoryKey: 'isSurTille',
    name: "Tiers-lieu de la gare d'Is-sur-Tille",
    kind: 'tiers_lieu',
    network: 'pesad',
    description: { fr: 'La gare réinventée : espace de travail partagé, café associatif et ateliers de réparation.' },
    address: 'Is-sur-Tille',
    latitude: 47.5214,
    longitude: 5.1032,
  },
  {
    key: 'garage',
    territoryKey: 'herouvilleSaintClair',
    name: "Garage solidaire de l'agglomération caennaise",
    kind: 'association',
    network: 'ardes',
    pending: true,
    description: { fr: 'Réparer à prix coûtant et former des salariés en parcours d’insertion.' },
    address: 'Hérouville-Saint-Clair',
    latitude: 49.2044,
    longitude: -0.329,
  },
  {
    key: 'relaisCevennes',
    territoryKey: 'saintHippolyteDuFort',
    name: 'Relais local des Cévennes',
    kind: 'relais_local',
    network: 'mesOccitanie',
    pending: true,
    address: 'Saint-Hippolyte-du-Fort',
    latitude: 43.9636,
    longitude: 3.8561,
  },
];

/**
 * Creates the network as `admin` (who becomes admin of each organisation), verifies all but the
 * pending ones, and makes `alice` a member of the AMAP; answers the organisations' ids by key.
 * `territories` holds the ids of the demo territories by key.
 */
async function loadOrganizations(client, context, actors, territories) {
  /** @type {Record<string, string>} */
  const ids = {};
  for (const { key, network, pending, territoryKey, ...fields } of organizations) {
    const created = await client.request(
      'members.organization.create',
      {
        ...fields,
        ...(network ? { networkIds: [ids[network]] } : {}),
        ...(territoryKey ? { territoryId: territories[territoryKey] } : {}),
      },
      context(actors.admin),
    );
    ids[key] = created.id;
    if (!pending) await client.request('members.organization.verify', { id: created.id }, context(actors.admin));
  }
  const invitation = await client.request(
    'members.membership.invite',
    { organizationId: ids.amap, personId: actors.alice.personId, role: 'member' },
    context(actors.admin),
  );
  await client.request('members.membership.accept', { id: invitation.id }, context(actors.alice));
  return ids;
}

/**
 * Loads the demo when the platform holds no process yet; answers whether it loaded anything.
 * @param {import('@convergences/messaging').ServiceClient} client
 */
async function loadDemoData(client) {
  const people = demoPeople();
  const context = (actor) => ({ actor, requestId: 'demo-data' });
  /** @type {Record<string, import('@convergences/contracts').Actor>} */
  const actors = {};
  for (const [key, seen] of Object.entries(people)) {
    const person = await client.request('members.person.ensure', seen, context(null));
    actors[key] = {
      personId: person.id,
      subject: person.subject,
      username: person.username,
      displayName: person.displayName,
      roles: seen.roles,
      locale: person.locale,
    };
  }
  const existing = await client.request('processes.process.list', { perPage: 1 }, context(actors.admin));
  if (existing.meta.total > 0) return false;

  // The ids of the demo territories and themes by key (`territories.gard`, `themes.plaidoyer`), for the processes.
  const { territories, themes } = await loadTerritoriesAndThemes(client, context, actors.admin);
  const organizationIds = await loadOrganizations(client, context, actors, territories);
  const process = await client.request(
    'processes.process.create',
    {
      ...consultation,
      organizerId: organizationIds.mesOccitanie,
      territoryId: territories.occitanie,
      themeIds: [themes.innovation, themes.deciderEnsemble],
    },
    context(actors.admin),
  );
  await loadPhases(client, context, actors.admin, process.id);
  const evaluationProcess = await client.request(
    'processes.process.create',
    { ...draftCampaign, organizerId: organizationIds.mes, themeIds: [themes.evaluation] },
    context(actors.admin),
  );
  const published = [];
  for (const proposal of proposals) {
    published.push(
      await client.request(
        'proposals.proposal.create',
        { processId: process.id, title: proposal.title, body: proposal.body, locale: 'fr' },
        context(actors[proposal.author]),
      ),
    );
  }
  await loadDebates(client, context, actors, process.id, published[0].id);
  const framework = await loadFramework(client, context, actors.admin, evaluationProcess.id);
  await loadCampaigns(client, context, actors, organizationIds, framework);
  return true;
}

/**
 * Two debates of the consultation, an official one opened by the organiser and one opened by a
 * participant, each with a short exchange, and a few comments on the first proposal (the
 * solidarity garage): through the debates service, so counts and events are as for any user.
 */
const debates = [
  {
    author: 'admin',
    official: true,
    title: {
      fr: 'Comment les collectivités peuvent-elles accompagner les tiers-lieux ?',
      en: 'How can local authorities support third places?',
    },
    description: {
      fr:
        'Vingt-trois collectivités sont déjà accompagnées pour créer des tiers-lieux, des garages solidaires ou ' +
        'réinventer des lieux publics. Quel appui attendez-vous de vos élus : un lieu, un financement, une animation ?',
      en: 'Twenty-three local authorities are already supported in creating third places. What do you expect from them?',
    },
    instructions: { fr: 'Dites d’où vous parlez (habitant, association, élu) et appuyez-vous sur une expérience.' },
    comments: [
      {
        author: 'alice',
        alignment: 1,
        body: 'Un lieu mis à disposition gratuitement les premières années change tout : le reste suit.',
        replies: [
          {
            author: 'bob',
            body: 'À condition que l’animation soit financée aussi, sinon le lieu reste vide.',
            replies: [{ author: 'alice', body: 'D’accord : un poste d’animateur partagé entre plusieurs communes ?' }],
          },
        ],
      },
      {
        author: 'bob',
        alignment: 0,
        body: 'Les collectivités devraient surtout faciliter : simplifier les autorisations, ouvrir leurs bâtiments vides.',
      },
    ],
  },
  {
    author: 'bob',
    title: 'Réinventer nos gares fermées : quels usages en priorité ?',
    description:
      'Plusieurs gares du territoire sont fermées. Point de services publics, espace de travail partagé, café ' +
      'associatif, ateliers de réparation : par quoi commencer ?',
    comments: [
      {
        author: 'alice',
        alignment: 1,
        body: 'Un point de services publics d’abord : c’est ce qui manque le plus ici.',
      },
      { author: 'admin', alignment: -1, body: 'Un café associatif attire du monde plus vite, les services suivront.' },
    ],
  },
];

const proposalComments = [
  {
    author: 'bob',
    body: 'Le garage solidaire de l’agglomération caennaise fonctionne ainsi depuis deux ans : à suivre.',
    replies: [{ author: 'alice', body: 'Merci ! Savez-vous comment il finance ses postes en insertion ?' }],
  },
];

/** Writes the comments and, under each, its replies, as their authors. */
async function loadComments(client, context, actors, resource, comments, parentId) {
  for (const { author, replies, ...fields } of comments) {
    const written = await client.request(
      'debates.comment.create',
      { ...resource, ...fields, locale: 'fr', ...(parentId ? { parentId } : {}) },
      context(actors[author]),
    );
    if (replies) await loadComments(client, context, actors, resource, replies, written.id);
  }
}

async function loadDebates(client, context, actors, processId, proposalId) {
  for (const { author, comments, ...fields } of debates) {
    const debate = await client.request(
      'debates.debate.create',
      { processId, locale: 'fr', ...fields },
      context(actors[author]),
    );
    await loadComments(client, context, actors, { resourceType: 'debate', resourceId: debate.id }, comments);
  }
  await loadComments(client, context, actors, { resourceType: 'proposal', resourceId: proposalId }, proposalComments);
}

/** A level scale from 1 to 4, each level with what reaching it means. */
const scale = (descriptors) =>
  descriptors.map(([label, descriptor], i) => ({ value: i + 1, label: { fr: label }, descriptor: { fr: descriptor } }));

/**
 * The network's social-utility grid (axe 2 of the seminar: "compter et conter"), adopted: five
 * dimensions, criteria that ask for a narrative beside the figures, and indicators of every kind.
 * Attached to the evaluation process, where participants will propose the next version's criteria.
 */
const socialUtilityFramework = {
  title: { fr: 'Grille d’utilité sociale du réseau', en: 'The network’s social utility grid' },
  description: {
    fr:
      'Une grille co-construite par les membres pour évaluer ensemble leur utilité sociale : des chiffres et des ' +
      'récits, l’auto-évaluation croisée avec le regard des pairs, dans une démarche de progrès plutôt que de contrôle.',
    en: 'A grid built together by the members to assess their social utility: figures and stories, self and peer views.',
  },
  dimensions: [
    {
      title: { fr: 'Utilité sociale', en: 'Social utility' },
      criteria: [
        {
          title: { fr: 'Réponse à des besoins non couverts', en: 'Meeting unmet needs' },
          narrativeRequired: true,
          evidenceAllowed: true,
          indicators: [
            {
              kind: 'quantitative',
              title: { fr: 'Personnes accompagnées dans l’année', en: 'People supported in the year' },
              unit: { fr: 'personnes', en: 'people' },
            },
            {
              kind: 'level_scale',
              title: { fr: 'Accessibilité des activités', en: 'Accessibility of activities' },
              levels: scale([
                ['Réservée', 'Les activités touchent surtout un public déjà proche de la structure.'],
                ['Ouverte', 'Les activités sont ouvertes à tous, sans démarche vers les publics éloignés.'],
                ['Aller-vers', 'La structure va au-devant des publics éloignés (tarifs adaptés, lieux, horaires).'],
                ['Co-construite', 'Les publics concernés définissent eux-mêmes les activités avec la structure.'],
              ]),
            },
          ],
        },
        {
          title: { fr: 'Création d’emplois de qualité', en: 'Creating good jobs' },
          indicators: [
            {
              kind: 'quantitative',
              title: { fr: 'Emplois en insertion', en: 'Integration jobs' },
              unit: { fr: 'postes', en: 'jobs' },
            },
            { kind: 'narrative', title: { fr: 'Récit d’un parcours', en: 'The story of one path' } },
          ],
        },
      ],
    },
    {
      title: { fr: 'Ancrage territorial', en: 'Local roots' },
      criteria: [
        {
          title: { fr: 'Partenariats avec les acteurs du territoire', en: 'Local partnerships' },
          evidenceAllowed: true,
          indicators: [
            {
              kind: 'quantitative',
              title: { fr: 'Partenaires locaux actifs', en: 'Active local partners' },
              unit: { fr: 'partenaires', en: 'partners' },
              target: 10,
            },
          ],
        },
        {
          title: { fr: 'Revitalisation du territoire', en: 'Reviving the territory' },
          narrativeRequired: true,
          indicators: [
            { kind: 'narrative', title: { fr: 'Ce qui a changé autour de nous', en: 'What changed around us' } },
          ],
        },
      ],
    },
    {
      title: { fr: 'Gouvernance démocratique', en: 'Democratic governance' },
      criteria: [
        {
          title: { fr: 'Participation aux décisions', en: 'Taking part in decisions' },
          narrativeRequired: true,
          indicators: [
            {
              kind: 'level_scale',
              title: { fr: 'Place des membres, salariés et bénévoles', en: 'Say of members, staff and volunteers' },
              levels: scale([
                ['Informés', 'Les décisions sont prises par quelques-uns puis annoncées.'],
                ['Consultés', 'Les avis sont recueillis avant que le bureau décide.'],
                ['Associés', 'Les principales décisions sont débattues et prises en assemblée.'],
                ['Décideurs', 'Chacun peut mettre un sujet à l’ordre du jour et décider, y compris les usagers.'],
              ]),
            },
            { kind: 'yes_no', title: { fr: 'Les comptes sont présentés à tous', en: 'Accounts are shown to all' } },
          ],
        },
      ],
    },
    {
      title: { fr: 'Coopération', en: 'Cooperation' },
      criteria: [
        {
          title: { fr: 'Mutualisation de moyens', en: 'Pooling resources' },
          evidenceAllowed: true,
          indicators: [
            {
              kind: 'yes_no',
              title: { fr: 'Des locaux ou du matériel sont partagés', en: 'Premises or tools are shared' },
            },
            {
              kind: 'quantitative',
              title: {
                fr: 'Structures avec lesquelles des moyens sont partagés',
                en: 'Organisations sharing resources',
              },
              unit: { fr: 'structures', en: 'organisations' },
            },
          ],
        },
      ],
    },
    {
      title: { fr: 'Écologie', en: 'Ecology' },
      criteria: [
        {
          title: { fr: 'Vigilance écologique', en: 'Ecological care' },
          narrativeRequired: true,
          indicators: [
            {
              kind: 'quantitative',
              title: { fr: 'Part des achats locaux ou de réemploi', en: 'Share of local or second-hand purchases' },
              unit: { fr: '%', en: '%' },
              target: 50,
            },
            {
              kind: 'quantitative',
              title: { fr: 'Déchets produits par an', en: 'Waste produced per year' },
              unit: { fr: 'kg', en: 'kg' },
              higherIsBetter: false,
            },
          ],
        },
      ],
    },
  ],
};

/** Builds the demo grid through the evaluations service, as its editors would, then adopts it; answers it. */
async function loadFramework(client, context, admin, processId) {
  const { dimensions, ...fields } = socialUtilityFramework;
  const framework = await client.request('evaluations.framework.create', { ...fields, processId }, context(admin));
  const frameworkId = framework.id;
  for (const { criteria, ...dimension } of dimensions) {
    const { id: dimensionId } = await client.request(
      'evaluations.dimension.create',
      { frameworkId, ...dimension },
      context(admin),
    );
    for (const { indicators, ...criterion } of criteria) {
      const { id: criterionId } = await client.request(
        'evaluations.criterion.create',
        { frameworkId, dimensionId, ...criterion },
        context(admin),
      );
      for (const indicator of indicators) {
        await client.request(
          'evaluations.indicator.create',
          { frameworkId, criterionId, ...indicator },
          context(admin),
        );
      }
    }
  }
  return client.request('evaluations.framework.adopt', { id: frameworkId }, context(admin));
}

module.exports = { loadDemoData, consultation, organizations, socialUtilityFramework };
