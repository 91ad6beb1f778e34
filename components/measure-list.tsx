export type MeasureListItem = { id: string; number: string; name: string; section: string | null; owners: string[] };

export function MeasureList({ caption, measures }: { caption: string; measures: MeasureListItem[] }) {
  if (measures.length === 0) return <p className="muted">指標はまだ登録されていません。</p>;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">No</th>
          <th scope="col">指標名</th>
          <th scope="col">区分</th>
          <th scope="col">担当部局・課</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <tr key={m.id}>
            <td className="num">{m.number}</td>
            <th scope="row">{m.name}</th>
            <td>{m.section ?? "－"}</td>
            <td>{m.owners.join("、") || "－"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
