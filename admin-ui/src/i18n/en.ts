import type { AppMessages } from './fr';

/** The app's own messages, in English. */
export const en: AppMessages = {
  app: {
    title: 'Convergences — Administration',
    brand: 'Convergences',
    login: {
      title: 'Convergences back office',
      intro: 'Sign in with your Convergences account to administer consultations.',
      button: 'Sign in',
      error: 'Signing in failed. Please try again.',
    },
    user: {
      username: 'Username: %{username}',
      roles: 'Roles: %{roles}',
      noRole: 'none',
    },
    dashboard: {
      title: 'Dashboard',
      welcome: 'Welcome, %{name}',
      signedInAs: 'You are signed in as %{username}.',
      intro: 'From this back office you create and publish participatory processes and follow the proposals submitted by residents.',
      processes: 'Processes',
      proposals: 'Proposals',
      seeAll: 'See all',
      unavailable: 'Unavailable',
      notAdminTitle: 'Administrators only',
      notAdmin:
        'The back office is reserved for the platform’s administrators. Your account does not have the “admin” role: if you think you need access, contact an administrator.',
    },
    process: {
      status: {
        draft: 'Draft',
        published: 'Published',
      },
      publish: 'Publish',
      publishedNotice: 'The process is published.',
      slugHint: 'Optional: the process’s short address, in lowercase letters, digits and hyphens (e.g. participatory-budget-2026).',
      proposals: 'Proposals of this process',
      noProposals: 'No proposals yet.',
      frenchSection: 'French',
      englishSection: 'English (optional)',
    },
    proposal: {
      state: {
        published: 'Published',
      },
      locale: {
        fr: 'French',
        en: 'English',
      },
    },
    validation: {
      slug: 'The slug contains only unaccented lowercase letters, digits and single hyphens (e.g. participatory-budget-2026).',
    },
    errors: {
      network: 'Cannot reach the platform’s API. Check your connection and try again.',
      unsupported: 'This operation is not available in the back office.',
    },
  },
  resources: {
    processes: {
      name: 'Process |||| Processes',
      fields: {
        id: 'Identifier',
        q: 'Search',
        title: 'Title',
        title_fr: 'Title (French)',
        title_en: 'Title (English)',
        description: 'Description',
        description_fr: 'Description (French)',
        description_en: 'Description (English)',
        slug: 'Slug',
        status: 'Status',
        proposalsCount: 'Proposals',
        createdAt: 'Created',
        updatedAt: 'Updated',
        publishedAt: 'Published',
      },
    },
    proposals: {
      name: 'Proposal |||| Proposals',
      fields: {
        id: 'Identifier',
        q: 'Search',
        reference: 'Reference',
        title: 'Title',
        body: 'Text',
        processId: 'Process',
        authorName: 'Author',
        locale: 'Language',
        state: 'State',
        createdAt: 'Submitted',
        publishedAt: 'Published',
      },
    },
  },
};
