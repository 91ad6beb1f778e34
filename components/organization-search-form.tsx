/** The search by organisation name or code (a GET form: works without JavaScript, shareable URL). */
export function OrganizationSearchForm({ action, q }: { action: string; q: string }) {
  return (
    <form method="get" action={action} className="filters" role="search" aria-label="団体の検索">
      <label>
        団体名または団体コード
        <input type="search" name="q" defaultValue={q} placeholder="例：熊本県、402273" />
      </label>
      <button className="button" type="submit">検索</button>
    </form>
  );
}
