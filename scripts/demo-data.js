// @ts-check
/**
 * The French demo: a published consultation drawn from the first work stream of the network's
 * 2019 seminar (social and citizen innovation for territorial development), a draft one, and a
 * few proposals by the demo participants. Loaded through the services' own messages, so every
 * rule and event applies as for any user.
 */
const path = require('node:path');
const fs = require('node:fs');

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
};

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

  const process = await client.request('processes.process.create', consultation, context(actors.admin));
  await client.request('processes.process.create', draftCampaign, context(actors.admin));
  for (const proposal of proposals) {
    await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: proposal.title, body: proposal.body, locale: 'fr' },
      context(actors[proposal.author]),
    );
  }
  return true;
}

module.exports = { loadDemoData, consultation };
