/** The app's own messages, in French (the default locale). `en.ts` must have the same keys. */
export const fr = {
  app: {
    title: 'Convergences — Administration',
    brand: 'Convergences',
    login: {
      title: 'Back office Convergences',
      intro: 'Connectez-vous avec votre compte Convergences pour administrer les consultations.',
      button: 'Se connecter',
      error: 'La connexion a échoué. Veuillez réessayer.',
    },
    user: {
      username: 'Identifiant : %{username}',
      roles: 'Rôles : %{roles}',
      noRole: 'aucun',
    },
    dashboard: {
      title: 'Tableau de bord',
      welcome: 'Bienvenue, %{name}',
      signedInAs: 'Vous êtes connecté·e en tant que %{username}.',
      intro: 'Depuis ce back office, vous créez et publiez les processus de participation et suivez les propositions des habitant·es.',
      processes: 'Processus',
      proposals: 'Propositions',
      seeAll: 'Voir tout',
      unavailable: 'Indisponible',
      notAdminTitle: 'Accès réservé aux administrateurs',
      notAdmin:
        "Le back office est réservé aux administrateurs de la plateforme. Votre compte n'a pas le rôle « admin » : si vous pensez devoir y accéder, contactez un administrateur.",
    },
    process: {
      status: {
        draft: 'Brouillon',
        published: 'Publié',
      },
      publish: 'Publier',
      publishedNotice: 'Le processus est publié.',
      slugHint: "Facultatif : l'adresse courte du processus, en minuscules, chiffres et tirets (ex. budget-participatif-2026).",
      proposals: 'Propositions du processus',
      noProposals: "Aucune proposition pour l'instant.",
      frenchSection: 'Français',
      englishSection: 'Anglais (facultatif)',
    },
    proposal: {
      state: {
        published: 'Publiée',
      },
      locale: {
        fr: 'Français',
        en: 'Anglais',
      },
    },
    validation: {
      slug: 'Le slug ne contient que des minuscules non accentuées, des chiffres et des tirets simples (ex. budget-participatif-2026).',
    },
    errors: {
      network: "Impossible de joindre l'API de la plateforme. Vérifiez votre connexion et réessayez.",
      unsupported: "Cette opération n'est pas disponible dans le back office.",
    },
  },
  resources: {
    processes: {
      name: 'Processus |||| Processus',
      fields: {
        id: 'Identifiant',
        q: 'Recherche',
        title: 'Titre',
        title_fr: 'Titre (français)',
        title_en: 'Titre (anglais)',
        description: 'Description',
        description_fr: 'Description (français)',
        description_en: 'Description (anglais)',
        slug: 'Slug',
        status: 'Statut',
        proposalsCount: 'Propositions',
        createdAt: 'Créé le',
        updatedAt: 'Modifié le',
        publishedAt: 'Publié le',
      },
    },
    proposals: {
      name: 'Proposition |||| Propositions',
      fields: {
        id: 'Identifiant',
        q: 'Recherche',
        reference: 'Référence',
        title: 'Titre',
        body: 'Texte',
        processId: 'Processus',
        authorName: 'Auteur·rice',
        locale: 'Langue',
        state: 'État',
        createdAt: 'Déposée le',
        publishedAt: 'Publiée le',
      },
    },
  },
};

/** The shape every locale's messages must have. */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type AppMessages = Messages<typeof fr>;
