import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/forms/action-state";

type Comment = { id: string; body: string; published: boolean; createdAt: Date; author: { name: string } };
type Props = {
  measureId: string;
  year: number;
  yearLabel: string;
  data: {
    comments: (Comment & { replies: Comment[] })[];
    insider: boolean;
    canComment: boolean;
    canReply: boolean;
    canPublish: boolean;
    canMarkReviewed: boolean;
    reviewedAt: Date | null;
  };
  actions: {
    postComment: (p: ActionState, f: FormData) => Promise<ActionState>;
    markReviewed: (p: ActionState, f: FormData) => Promise<ActionState>;
    publishComment: (p: ActionState, f: FormData) => Promise<ActionState>;
  };
};

const when = (d: Date) => d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" });

function PublishToggle({ comment, action }: { comment: Comment; action: Props["actions"]["publishComment"] }) {
  return (
    <ActionForm action={action} label="コメントの公開設定" className="inline-form">
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="published" value={comment.published ? "false" : "true"} />
      <button type="submit" className="link-button">{comment.published ? "非公開にする" : "公開する"}</button>
    </ActionForm>
  );
}

/** 評価委員コメント: the committee's comments for an evaluation year and the department's replies. */
export function CommitteeComments({ measureId, year, yearLabel, data, actions }: Props) {
  if (!data.insider && data.comments.length === 0) return null;
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">評価委員コメント（{yearLabel}）</h2>
      {data.insider && <p className="hint">コメントは企画担当が公開するまで、評価委員・企画担当・担当部局だけが見られます。</p>}
      {data.canMarkReviewed && (
        <ActionForm action={actions.markReviewed} label="確認済みの設定" className="inline-form">
          <input type="hidden" name="measureId" value={measureId} />
          <input type="hidden" name="evaluationYear" value={year} />
          <input type="hidden" name="reviewed" value={data.reviewedAt ? "false" : "true"} />
          <p>
            {data.reviewedAt ? <strong>確認済み（{when(data.reviewedAt)}）</strong> : "まだ確認済みにしていません。"}{" "}
            <button type="submit" className="button button--secondary">{data.reviewedAt ? "確認済みを取り消す" : "確認済みにする"}</button>
          </p>
        </ActionForm>
      )}
      {data.comments.length === 0 && <p className="muted">コメントはまだありません。</p>}
      <ol className="history">
        {data.comments.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{c.author.name}</strong>　{when(c.createdAt)}　{data.insider && <span className="muted">{c.published ? "（公開）" : "（非公開）"}</span>}
            </p>
            <p style={{ whiteSpace: "pre-wrap" }}>{c.body}</p>
            {data.canPublish && <PublishToggle comment={c} action={actions.publishComment} />}
            {c.replies.length > 0 && (
              <ul>
                {c.replies.map((r) => (
                  <li key={r.id}>
                    <p><strong>回答：{r.author.name}</strong>　{when(r.createdAt)}　{data.insider && <span className="muted">{r.published ? "（公開）" : "（非公開）"}</span>}</p>
                    <p style={{ whiteSpace: "pre-wrap" }}>{r.body}</p>
                    {data.canPublish && <PublishToggle comment={r} action={actions.publishComment} />}
                  </li>
                ))}
              </ul>
            )}
            {data.canReply && (
              <ActionForm action={actions.postComment} label="コメントへの回答">
                <input type="hidden" name="measureId" value={measureId} />
                <input type="hidden" name="evaluationYear" value={year} />
                <input type="hidden" name="parentId" value={c.id} />
                <div className="form-field">
                  <label htmlFor={`reply-${c.id}`}>このコメントへの回答</label>
                  <textarea id={`reply-${c.id}`} name="body" rows={3} />
                </div>
                <button type="submit" className="button button--secondary">回答する</button>
              </ActionForm>
            )}
          </li>
        ))}
      </ol>
      {data.canComment && (
        <ActionForm action={actions.postComment} label="評価委員コメントの登録">
          <input type="hidden" name="measureId" value={measureId} />
          <input type="hidden" name="evaluationYear" value={year} />
          <div className="form-field">
            <label htmlFor="comment-body">コメント</label>
            <textarea id="comment-body" name="body" rows={4} />
          </div>
          <button type="submit" className="button">コメントを登録する</button>
        </ActionForm>
      )}
    </section>
  );
}
