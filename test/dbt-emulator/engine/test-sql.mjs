// @ts-check
// Compiled SQL of dbt's built-in generic data tests, as dbt-core's default macros render them.

/**
 * @param {import('./schema-files.mjs').TestDeclaration} test
 * @param {string} relation the tested model, seed, snapshot or source
 * @param {string} toRelation the parent of a relationships test
 */
export function compileTestSql(test, relation, toRelation) {
  const column = String(test.args.column_name ?? 'id');
  const where = typeof test.config.where === 'string' ? test.config.where : null;
  const from = where ? `(select * from ${relation} where ${where}) dbt_subquery` : relation;
  switch (test.testType) {
    case 'not_null':
      return `\n    \n    \n\n\n\nselect ${column}\nfrom ${from}\nwhere ${column} is null\n\n\n`;
    case 'unique':
      return (
        `\n    \n    \n\nselect\n    ${column} as unique_field,\n    count(*) as n_records\n\n` +
        `from ${from}\nwhere ${column} is not null\ngroup by ${column}\nhaving count(*) > 1\n\n\n`
      );
    case 'accepted_values': {
      const quoteValues = test.args.quote !== false;
      const values = (Array.isArray(test.args.values) ? test.args.values : [])
        .map((v) => (quoteValues ? `'${String(v)}'` : String(v)))
        .join(',');
      return (
        `\n    \n    \n\nwith all_values as (\n\n    select\n        ${column} as value_field,\n        count(*) as n_records\n\n` +
        `    from ${from}\n    group by ${column}\n\n)\n\nselect *\nfrom all_values\nwhere value_field not in (\n    ${values}\n)\n\n\n`
      );
    }
    case 'relationships': {
      const field = String(test.args.field ?? 'id');
      return (
        `\n    \n    \n\nwith child as (\n    select ${column} as from_field\n    from ${from}\n    where ${column} is not null\n),\n\n` +
        `parent as (\n    select ${field} as to_field\n    from ${toRelation}\n)\n\nselect\n    from_field\n\nfrom child\n` +
        `left join parent\n    on child.from_field = parent.to_field\n\nwhere parent.to_field is null\n\n\n`
      );
    }
    default:
      return `\n\n-- ${test.namespace ? `${test.namespace}.` : ''}${test.testType}\nselect *\nfrom ${from}\nwhere false\n\n`;
  }
}
