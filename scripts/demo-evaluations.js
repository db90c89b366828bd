// @ts-check
/**
 * The demo's evaluation campaigns on the network's social-utility grid: the 2025 campaign, closed,
 * with five local organisations' self-assessments, their peers' visits, stakeholders' voices, the
 * commission mixte's opinion and the progress plans that followed; and the 2026 campaign, open,
 * where the same organisations have started again — so a newcomer sees results, divergences and
 * progress at once. Loaded through the evaluations service's own messages, like any user.
 */

/** The five organisations assessed, by their key in demo-data.js, and who visits each as a peer. */
const subjects = [
  { key: 'amap', peer: 'bob', bias: 0, consent: true },
  { key: 'regie', peer: 'alice', bias: 1, consent: true },
  { key: 'tiersLieu', peer: 'alice', bias: -1, consent: false },
  { key: 'garage', peer: 'bob', bias: 0, consent: true },
  { key: 'relaisCevennes', peer: 'bob', bias: 1, consent: false },
];

/** Récits by dimension position (1–5): what organisations of the network tell of themselves. */
const selfStories = [
  'Nous accueillons chaque semaine des familles orientées par le CCAS et des personnes venues d’elles-mêmes ; ' +
    'les ateliers se font au marché, pas seulement dans nos locaux.',
  'Avec la mairie et deux associations voisines, nous avons rouvert un local vide du bourg : il sert désormais ' +
    'de point de rencontre le samedi matin.',
  'Les grandes décisions se prennent en assemblée ; les usagers y siègent depuis l’an dernier et ont obtenu ' +
    'l’ouverture le samedi.',
  'Nous partageons le camion et la chambre froide avec l’épicerie solidaire ; le planning est tenu à deux.',
  'Nous avons remplacé les contenants jetables par des bocaux consignés et suivons nos achats locaux chaque mois.',
];
const peerStories = [
  'Lors de la visite, nous avons rencontré des usagers très divers ; l’aller-vers reste à construire hors du bourg.',
  'Les partenariats sont réels mais reposent sur une ou deux personnes : fragiles si elles partent.',
  'L’assemblée est vivante ; les comptes sont présentés, mais les bénévoles ont peu de place dans le bureau.',
  'La mutualisation fonctionne au quotidien et pourrait s’ouvrir à d’autres structures du territoire.',
  'Les efforts sur le réemploi sont visibles ; le suivi des déchets gagnerait à être régulier.',
];
const committeeRecommendations =
  'La commission salue une démarche sincère et documentée. Elle recommande de formaliser l’accueil des nouveaux ' +
  'bénévoles dans la gouvernance et de suivre les achats locaux chaque trimestre ; elle propose une rencontre avec ' +
  'une structure du réseau qui a ouvert son bureau aux usagers.';

/** A value for an indicator: levels and targets moved by `shift` (peers see a little differently). */
function valueFor(indicator, shift, seed) {
  if (indicator.kind === 'level_scale') {
    const values = indicator.levels.map((level) => level.value);
    const index = Math.max(0, Math.min(values.length - 1, 1 + ((seed + shift + values.length) % (values.length - 1))));
    return values[index];
  }
  if (indicator.kind === 'yes_no') return (seed + shift) % 3 !== 0;
  if (indicator.kind === 'quantitative') {
    const base = indicator.target ?? 40;
    return Math.max(0, Math.round(base * (0.5 + ((seed * 7 + shift * 3) % 10) / 12)));
  }
  return null;
}

/** The answers of one assessment: every criterion, every indicator valued, a narrative each. */
function answersFor(framework, { shift, seed, stories, evidence }) {
  const answers = [];
  framework.dimensions.forEach((dimension, d) => {
    for (const criterion of dimension.criteria) {
      const values = criterion.indicators
        .filter((indicator) => indicator.kind !== 'narrative')
        .map((indicator, i) => ({ indicatorId: indicator.id, value: valueFor(indicator, shift, seed + d + i) }));
      answers.push({
        criterionId: criterion.id,
        narrative: stories[d % stories.length],
        ...(evidence && criterion.evidenceAllowed
          ? { evidence: [{ label: 'Rapport d’activité', url: 'https://example.org/rapport-activite.pdf' }] }
          : {}),
        values,
      });
    }
  });
  return answers;
}

/** The stakeholders' questions: the first criteria with a scale or yes/no indicator. */
function questionnaireCriteria(framework) {
  return framework.dimensions
    .flatMap((dimension) => dimension.criteria)
    .filter((criterion) => criterion.indicators.some((i) => i.kind === 'level_scale' || i.kind === 'yes_no'))
    .map((criterion) => criterion.id);
}

/**
 * @param {import('@convergences/messaging').ServiceClient} client
 * @param {(actor: unknown) => { actor: unknown; requestId: string }} context
 * @param {Record<string, { personId: string }>} actors admin, alice, bob, valuator
 * @param {Record<string, string>} organizationIds demo organisations' ids by key
 * @param {{ id: string; dimensions: any[] }} framework the adopted demo grid, with its tree
 */
async function loadCampaigns(client, context, actors, organizationIds, framework) {
  const ask = (pattern, body, actor = actors.admin) =>
    client.request(/** @type {never} */ (pattern), /** @type {never} */ (body), context(actor));
  const stakeholderCriteria = questionnaireCriteria(framework);
  const firstScaleCriterion = framework.dimensions[2].criteria[0];

  // 2025: closed, with everything a campaign holds.
  const past = await ask('evaluations.campaign.create', {
    frameworkId: framework.id,
    title: { fr: 'Campagne d’évaluation 2025', en: '2025 assessment campaign' },
    description: { fr: 'Première campagne croisée du réseau : auto-évaluation, visites de pairs, paroles d’usagers.' },
    startsOn: '2025-03-01',
    endsOn: '2025-11-30',
  });
  await ask('evaluations.campaign.update', { id: past.id, stakeholderCriteria });
  await ask('evaluations.campaignPerson.add', {
    campaignId: past.id,
    personId: actors.valuator.personId,
    role: 'committee',
  });
  const pastSubjects = {};
  for (const subject of subjects) {
    const added = await onceKnown(() =>
      ask('evaluations.subject.add', { campaignId: past.id, organizationId: organizationIds[subject.key] }),
    );
    pastSubjects[subject.key] = added;
    if (subject.consent) await ask('evaluations.subject.consent', { id: added.id, shownInResults: true });
    await ask('evaluations.peer.assign', { subjectId: added.id, personId: actors[subject.peer].personId });
  }
  await ask('evaluations.campaign.transition', { id: past.id, to: 'open' });
  let seed = 1;
  for (const subject of subjects) {
    const subjectId = pastSubjects[subject.key].id;
    // The demo's admin created every organisation, so is a member of each and writes its self-assessment.
    const { assessment: self } = await ask('evaluations.assessment.start', {
      campaignId: past.id,
      subjectId,
      kind: 'self',
    });
    await ask('evaluations.assessment.saveAnswers', {
      id: self.id,
      answers: answersFor(framework, { shift: subject.bias + 1, seed, stories: selfStories, evidence: true }),
    });
    await ask('evaluations.assessment.submit', { id: self.id });
    const peerActor = actors[subject.peer];
    const { assessment: peer } = await ask(
      'evaluations.assessment.start',
      { campaignId: past.id, subjectId, kind: 'peer' },
      peerActor,
    );
    await ask(
      'evaluations.assessment.saveAnswers',
      { id: peer.id, answers: answersFor(framework, { shift: 0, seed, stories: peerStories, evidence: false }) },
      peerActor,
    );
    await ask('evaluations.assessment.submit', { id: peer.id }, peerActor);
    for (const [i, relation] of /** @type {const} */ (['user', 'inhabitant', 'partner']).entries()) {
      await ask(
        'evaluations.stakeholder.respond',
        {
          campaignId: past.id,
          subjectId,
          relation,
          answers: stakeholderAnswers(framework, stakeholderCriteria, seed + i),
          ...(i === 0 ? { comment: 'Un lieu où l’on est écouté ; on aimerait plus d’horaires le soir.' } : {}),
          source: `demo-${subject.key}-${i}`,
        },
        null,
      );
    }
    seed += 2;
  }
  await ask('evaluations.campaign.transition', { id: past.id, to: 'review' });
  for (const subject of subjects) {
    const subjectId = pastSubjects[subject.key].id;
    const { assessment: committee } = await ask(
      'evaluations.assessment.start',
      { campaignId: past.id, subjectId, kind: 'committee' },
      actors.valuator,
    );
    await ask(
      'evaluations.assessment.saveAnswers',
      {
        id: committee.id,
        answers: answersFor(framework, { shift: 0, seed: seed++, stories: peerStories, evidence: false }),
        recommendations: committeeRecommendations,
      },
      actors.valuator,
    );
    await ask('evaluations.assessment.submit', { id: committee.id }, actors.valuator);
    await ask('evaluations.progressAction.create', {
      campaignId: past.id,
      subjectId,
      criterionId: firstScaleCriterion.id,
      title: 'Ouvrir le bureau à deux usagers et à un bénévole',
      description: 'Proposer à l’assemblée de juin une modification des statuts et un accueil des nouveaux membres.',
      owner: 'Le bureau',
      dueOn: '2026-06-30',
    });
  }
  await ask('evaluations.campaign.transition', { id: past.id, to: 'closed' });

  // 2026: open, the same organisations started again; the actions of 2025 are followed.
  const current = await ask('evaluations.campaign.create', {
    frameworkId: framework.id,
    title: { fr: 'Campagne d’évaluation 2026', en: '2026 assessment campaign' },
    description: { fr: 'Deuxième campagne : mesurer le chemin parcouru depuis 2025.' },
    startsOn: '2026-03-01',
    endsOn: '2027-01-31',
  });
  await ask('evaluations.campaign.update', { id: current.id, stakeholderCriteria });
  await ask('evaluations.campaignPerson.add', {
    campaignId: current.id,
    personId: actors.valuator.personId,
    role: 'committee',
  });
  for (const subject of subjects) {
    const added = await ask('evaluations.subject.add', {
      campaignId: current.id,
      organizationId: organizationIds[subject.key],
    });
    await ask('evaluations.peer.assign', { subjectId: added.id, personId: actors[subject.peer].personId });
  }
  await ask('evaluations.campaign.transition', { id: current.id, to: 'open' });
  const list = await ask('evaluations.subject.list', { campaignId: current.id, perPage: 100 });
  const bySubjectOrg = Object.fromEntries(list.data.map((s) => [s.organizationId, s.id]));
  for (const [i, subject] of subjects.slice(0, 2).entries()) {
    const subjectId = bySubjectOrg[organizationIds[subject.key]];
    const { assessment: self } = await ask('evaluations.assessment.start', {
      campaignId: current.id,
      subjectId,
      kind: 'self',
    });
    await ask('evaluations.assessment.saveAnswers', {
      id: self.id,
      answers: answersFor(framework, { shift: subject.bias + 2, seed: 20 + i, stories: selfStories, evidence: true }),
    });
    if (i === 0) await ask('evaluations.assessment.submit', { id: self.id });
  }
  const actions = await ask('evaluations.progressAction.list', { campaignId: past.id, perPage: 100 });
  for (const [i, action] of actions.data.entries()) {
    const status = ['done', 'in_progress', 'planned', 'done', 'dropped'][i % 5];
    await ask('evaluations.progressAction.update', {
      id: action.id,
      status,
      ...(status === 'dropped' ? { statusNote: 'Reporté : l’assemblée a préféré une commission usagers.' } : {}),
    });
  }
}

/** One stakeholder's answers to the questionnaire's scale and yes/no indicators. */
function stakeholderAnswers(framework, criterionIds, seed) {
  return framework.dimensions
    .flatMap((dimension) => dimension.criteria)
    .filter((criterion) => criterionIds.includes(criterion.id))
    .flatMap((criterion) => criterion.indicators)
    .filter((indicator) => indicator.kind === 'level_scale' || indicator.kind === 'yes_no')
    .map((indicator, i) => ({ indicatorId: indicator.id, value: valueFor(indicator, 0, seed + i) }));
}

/**
 * Runs a request naming an organisation until evaluations has learnt of it from members' events
 * (a few milliseconds after it was created): before, the organisation is unknown to it.
 */
async function onceKnown(request) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (error?.code !== 'validation_failed' || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

module.exports = { loadCampaigns };
