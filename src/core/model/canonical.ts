import type { ColumnKind } from './columnKind';
/**
 * The canonical CRM model (DESIGN.md, "The canonical CRM model") as data. Catalog KPIs
 * are written against these names; a user's export is mapped onto them. A table
 * counts as present when every required column is mapped.
 */

export interface CanonicalColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Starred in DESIGN.md: without it the table does not count as present. */
  readonly required: boolean;
  readonly description: string;
  /** Inclusive bounds of a score scale, so a 0-10 NPS is not mistaken for a 1-5 CSAT. */
  readonly scale?: { readonly min: number; readonly max: number };
  /** The key this column points at; breakdowns travel along it. */
  readonly references?: { readonly table: CanonicalTableName; readonly column: string };
}

export interface CanonicalTable {
  readonly name: CanonicalTableName;
  readonly description: string;
  /** The column that places a row in time when a KPI gives none. */
  readonly timeColumn: string;
  readonly columns: readonly CanonicalColumn[];
  /**
   * Surveys carry driver scores under whatever names the survey used; any numeric
   * column not listed here is one.
   */
  readonly extraNumericColumnsAre?: 'driver scores';
}

export const CANONICAL_TABLE_NAMES = [
  'customers',
  'leads',
  'deals',
  'orders',
  'tickets',
  'surveys',
  'marketing',
  'web',
  'social',
  'employees',
  'attendance',
  'training',
  'expenses',
] as const;

export type CanonicalTableName = (typeof CANONICAL_TABLE_NAMES)[number];

type ColumnOptions = Pick<CanonicalColumn, 'scale' | 'references'>;

function req(name: string, kind: ColumnKind, description: string, options?: ColumnOptions): CanonicalColumn {
  return { name, kind, required: true, description, ...options };
}

function opt(name: string, kind: ColumnKind, description: string, options?: ColumnOptions): CanonicalColumn {
  return { name, kind, required: false, description, ...options };
}

const customerRef = { references: { table: 'customers', column: 'customer_id' } } as const;
const employeeRef = { references: { table: 'employees', column: 'employee_id' } } as const;

export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  {
    name: 'customers',
    description: 'One row per customer account, with when it started and when it left.',
    timeColumn: 'created_at',
    columns: [
      req('customer_id', 'text', 'Unique key of the customer.'),
      req('created_at', 'date', 'Day the customer became a customer.'),
      opt('churned_at', 'date', 'Day the customer left; blank while still a customer.'),
      opt('name', 'text', 'Account name.'),
      opt('segment', 'text', 'Customer group, e.g. SMB, Mid-Market, Enterprise.'),
      opt('region', 'text', 'Sales region.'),
      opt('industry', 'text', "The customer's industry."),
      opt('channel', 'text', 'Acquisition channel the customer came through.'),
      opt('owner', 'text', 'Account owner.'),
    ],
  },
  {
    name: 'leads',
    description: 'One row per lead, with the funnel steps it reached.',
    timeColumn: 'created_at',
    columns: [
      req('lead_id', 'text', 'Unique key of the lead.'),
      req('created_at', 'date', 'Day the lead arrived.'),
      opt('source', 'text', 'Marketing source or channel of the lead.'),
      opt('status', 'text', 'Current funnel status.'),
      opt('mql_at', 'date', 'Day the lead became marketing-qualified; blank if never.'),
      opt('sql_at', 'date', 'Day the lead became sales-qualified; blank if never.'),
      opt('converted_at', 'date', 'Day the lead became a customer; blank if never.'),
      opt('customer_id', 'text', 'Customer the lead became.', customerRef),
      opt('owner', 'text', 'Sales owner of the lead.'),
    ],
  },
  {
    name: 'deals',
    description: 'One row per sales opportunity.',
    timeColumn: 'closed_at',
    columns: [
      req('deal_id', 'text', 'Unique key of the deal.'),
      req('created_at', 'date', 'Day the deal was opened.'),
      req('stage', 'text', 'Pipeline stage, e.g. Proposal, Negotiation, Closed Won, Closed Lost.'),
      req('amount', 'number', 'Deal value in the workbook currency.'),
      opt('closed_at', 'date', 'Day the deal was won or lost; blank while open.'),
      opt('won', 'boolean', 'True when the stage is a won stage; derived from stage when absent.'),
      opt('customer_id', 'text', 'Customer the deal is with.', customerRef),
      opt('owner', 'text', 'Sales owner of the deal.'),
      opt('source', 'text', 'Where the deal came from.'),
    ],
  },
  {
    name: 'orders',
    description: 'One row per order or invoice line that earned revenue.',
    timeColumn: 'ordered_at',
    columns: [
      req('order_id', 'text', 'Unique key of the order.'),
      req('customer_id', 'text', 'Customer who ordered.', customerRef),
      req('ordered_at', 'date', 'Day of the order.'),
      req('revenue', 'number', 'Recognised revenue of the order.'),
      opt('cost', 'number', 'Cost of what was sold, for gross margin.'),
      opt('quantity', 'number', 'Units or seats ordered.'),
    ],
  },
  {
    name: 'tickets',
    description: 'One row per support ticket.',
    timeColumn: 'created_at',
    columns: [
      req('ticket_id', 'text', 'Unique key of the ticket.'),
      req('created_at', 'timestamp', 'When the ticket was opened.'),
      opt('customer_id', 'text', 'Customer who opened it.', customerRef),
      opt('type', 'text', 'Kind of request, e.g. Question, Bug, Complaint.'),
      opt('priority', 'text', 'Priority, e.g. Low, Medium, High, Urgent.'),
      opt('channel', 'text', 'Contact channel, e.g. Email, Chat, Phone.'),
      opt('agent', 'text', 'Support agent handling it.'),
      opt('first_response_at', 'timestamp', 'First reply from an agent; blank if none yet.'),
      opt('resolved_at', 'timestamp', 'When it was resolved; blank while open.'),
      opt('contacts_to_resolve', 'number', 'Contacts it took to resolve; 1 means first-contact resolution.'),
    ],
  },
  {
    name: 'surveys',
    description: 'One row per survey response; other numeric columns are driver scores.',
    timeColumn: 'answered_at',
    extraNumericColumnsAre: 'driver scores',
    columns: [
      req('response_id', 'text', 'Unique key of the response.'),
      req('answered_at', 'date', 'Day of the response.'),
      opt('customer_id', 'text', 'Customer who answered.', customerRef),
      opt('nps', 'number', 'Likelihood to recommend, 0 to 10.', { scale: { min: 0, max: 10 } }),
      opt('csat', 'number', 'Satisfaction, 1 to 5.', { scale: { min: 1, max: 5 } }),
      opt('ces', 'number', 'Customer effort ("made it easy"), 1 to 7.', { scale: { min: 1, max: 7 } }),
    ],
  },
  {
    name: 'marketing',
    description: 'Spend and results per channel and day (or campaign).',
    timeColumn: 'date',
    columns: [
      req('date', 'date', 'Day of the spend.'),
      req('channel', 'text', 'Marketing channel.'),
      req('spend', 'number', 'Money spent.'),
      opt('campaign', 'text', 'Campaign name.'),
      opt('impressions', 'number', 'Times an ad was shown.'),
      opt('clicks', 'number', 'Clicks on an ad.'),
      opt('leads', 'number', 'Leads attributed to the channel.'),
    ],
  },
  {
    name: 'web',
    description: 'Website traffic per day (and traffic source).',
    timeColumn: 'date',
    columns: [
      req('date', 'date', 'Day of the traffic.'),
      req('sessions', 'number', 'Visits.'),
      opt('users', 'number', 'Distinct visitors.'),
      opt('pageviews', 'number', 'Pages viewed.'),
      opt('conversions', 'number', 'Goal completions, e.g. sign-ups or demo requests.'),
      opt('source', 'text', 'Traffic source.'),
    ],
  },
  {
    name: 'social',
    description: 'Audience and activity per social platform and day.',
    timeColumn: 'date',
    columns: [
      req('date', 'date', 'Day of the snapshot.'),
      req('platform', 'text', 'Social platform.'),
      req('followers', 'number', 'Followers at the end of the day.'),
      opt('posts', 'number', 'Posts published.'),
      opt('impressions', 'number', 'Times content was shown.'),
      opt('reach', 'number', 'Distinct accounts reached.'),
      opt('engagements', 'number', 'Likes, comments, shares and saves.'),
      opt('clicks', 'number', 'Link clicks.'),
    ],
  },
  {
    name: 'employees',
    description: 'One row per employee, with hire and leave days.',
    timeColumn: 'hired_at',
    columns: [
      req('employee_id', 'text', 'Unique key of the employee.'),
      req('hired_at', 'date', 'First working day.'),
      opt('left_at', 'date', 'Day the employee left; blank while employed.'),
      opt('department', 'text', 'Department.'),
      opt('team', 'text', 'Team within the department.'),
    ],
  },
  {
    name: 'attendance',
    description: 'Scheduled and absent hours per employee and day (or week).',
    timeColumn: 'date',
    columns: [
      req('employee_id', 'text', 'Employee.', employeeRef),
      req('date', 'date', 'Day, or first day of the week, the hours belong to.'),
      req('scheduled_hours', 'number', 'Hours the employee was scheduled to work.'),
      req('absent_hours', 'number', 'Scheduled hours not worked (unplanned absence).'),
    ],
  },
  {
    name: 'training',
    description: 'One row per training session attended.',
    timeColumn: 'date',
    columns: [
      req('employee_id', 'text', 'Employee trained.', employeeRef),
      req('date', 'date', 'Day of the session.'),
      req('hours', 'number', 'Hours of training.'),
    ],
  },
  {
    name: 'expenses',
    description: 'Costs by day or month and category.',
    timeColumn: 'date',
    columns: [
      req('date', 'date', 'Day the cost was booked.'),
      req('amount', 'number', 'Amount spent.'),
      opt('category', 'text', 'Cost category, e.g. Salaries, Marketing.'),
    ],
  },
];

const byName: ReadonlyMap<string, CanonicalTable> = new Map(CANONICAL_TABLES.map((t) => [t.name, t]));

export function isCanonicalTableName(name: string): name is CanonicalTableName {
  return byName.has(name);
}

/** The canonical table of that exact name, or undefined. */
export function canonicalTable(name: string): CanonicalTable | undefined {
  return byName.get(name);
}

export function canonicalColumn(table: string, column: string): CanonicalColumn | undefined {
  return byName.get(table)?.columns.find((c) => c.name === column);
}

export function requiredColumns(table: CanonicalTableName): readonly CanonicalColumn[] {
  return byName.get(table)!.columns.filter((c) => c.required);
}

/** Required columns of the table that are not among the given column names. */
export function missingRequiredColumns(table: CanonicalTableName, present: Iterable<string>): string[] {
  const have = new Set(present);
  return requiredColumns(table)
    .filter((c) => !have.has(c.name))
    .map((c) => c.name);
}
