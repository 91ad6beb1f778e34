import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { getOrganizationSetup, getUnitTree } from "@/lib/organizations/queries";
import { Field, SetupForm } from "@/components/setup/setup-form";
import { SetupRefused } from "@/components/setup/setup-refused";
import { addUnitAction, moveUnitAction, renameUnitAction, retireUnitAction } from "../actions";

export const metadata: Metadata = { title: "部局・課の設定" };
type Props = { params: Promise<{ code: string }> };
type Unit = Awaited<ReturnType<typeof getUnitTree>>[number];

const retiredMark = (u: { retired: boolean }) => (u.retired ? "（廃止）" : "");

/** The organisation's 部局 → 課, kept by its administrators: add, rename, move, retire and restore. */
export default async function UnitsSetupPage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser(`/orgs/${code}/setup/units`);
  const org = await getOrganizationSetup(code);
  if (!org) notFound();
  if (!can(user, "unit.manage", { organizationId: org.id })) return <SetupRefused />;
  const tree = await getUnitTree(org.id);
  const parents = [{ value: "", label: "（最上位の部局として）" }, ...tree.filter((d) => !d.retired).map((d) => ({ value: d.id, label: d.name }))];
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/orgs">団体一覧</a></li>
          <li><a href={`/orgs/${org.code}/setup`}>{org.name}の設定</a></li>
          <li aria-current="page">部局・課</li>
        </ol>
      </nav>
      <h1>{org.name}の部局・課</h1>
      <p>指標の担当や職員の担当範囲に使う部局（部・庁・本部・公室など）と課です。名前を変えたり移したりしても、指標の担当と履歴はそのまま引き継がれます。廃止した部署は過去の記録に残り、新しい担当には選べなくなります。</p>
      <section aria-labelledby="add-unit-heading">
        <h2 id="add-unit-heading">部局・課の追加</h2>
        <SetupForm action={addUnitAction} id="add-unit" label="部局・課の追加" submit="追加" resetOnSuccess>
          <input type="hidden" name="organizationId" value={org.id} />
          <Field name="name" label="名称" required hint="例：企画振興部、地域振興課" autoComplete="off" />
          <Field name="parentId" label="所属する部局" options={parents} hint="課を追加するときは、その課が属する部局を選びます" />
        </SetupForm>
      </section>
      <section aria-labelledby="units-heading">
        <h2 id="units-heading">部局・課の一覧</h2>
        {tree.length === 0 && <p>部局・課はまだありません。</p>}
        <ul className="unit-tree">
          {tree.map((d) => (
            <li key={d.id}>
              <UnitRow unit={d} organizationId={org.id} parents={parents} isTop />
              {d.children.length > 0 && (
                <ul>
                  {d.children.map((c) => (
                    <li key={c.id}>
                      <UnitRow unit={{ ...c, children: [] }} organizationId={org.id} parents={parents} isTop={false} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function UnitRow({ unit, organizationId, parents, isTop }: { unit: Unit; organizationId: string; parents: { value: string; label: string }[]; isTop: boolean }) {
  const formId = `unit-${unit.id}`;
  return (
    <div className="unit-row">
      <span className={unit.retired ? "muted" : undefined}>
        <strong>{unit.name}</strong>
        {retiredMark(unit)}
      </span>
      <span className="muted">　指標 {unit.owners}件・職員 {unit.members}人</span>
      <details>
        <summary>変更<span className="visually-hidden">（{unit.name}）</span></summary>
        <SetupForm action={renameUnitAction} id={`${formId}-rename`} label={`${unit.name}の名称の変更`} submit="名称を変更" className="filters">
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="unitId" value={unit.id} />
          <Field name="name" label="新しい名称" defaultValue={unit.name} required autoComplete="off" />
        </SetupForm>
        {!(isTop && unit.children.length > 0) && (
          <SetupForm action={moveUnitAction} id={`${formId}-move`} label={`${unit.name}の移動`} submit="移動" className="filters">
            <input type="hidden" name="organizationId" value={organizationId} />
            <input type="hidden" name="unitId" value={unit.id} />
            <Field name="parentId" label="移動先" options={parents.filter((p) => p.value !== unit.id)} defaultValue={unit.parentId ?? ""} />
          </SetupForm>
        )}
        <SetupForm action={retireUnitAction} id={`${formId}-retire`} label={`${unit.name}の${unit.retired ? "復活" : "廃止"}`} submit={unit.retired ? "復活する" : "廃止する"} className="filters">
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="unitId" value={unit.id} />
          <input type="hidden" name="retired" value={unit.retired ? "false" : "true"} />
          <p className="hint">{unit.retired ? "新しい担当に再び選べるようになります。" : isTop ? "廃止すると、この部局の課もあわせて廃止します。過去の記録と指標の担当は残ります。" : "過去の記録と指標の担当は残ります。"}</p>
        </SetupForm>
      </details>
    </div>
  );
}
