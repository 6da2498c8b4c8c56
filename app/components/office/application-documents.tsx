import { useTranslation } from "react-i18next";

type DocumentView = { id: string; name: string; contentType: string };

export type ApplicationMessageView = {
  id: number | string;
  author: "department" | "applicant";
  text: string;
  at: string;
  files: DocumentView[];
};

/** The documents the resident attached to the application. */
export function ApplicationDocuments({ documents }: { documents: DocumentView[] }) {
  const { t } = useTranslation("office");
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="documents-title" className="mt-8">
      <h2 id="documents-title" className="text-xl font-bold">
        {t("application.documents")}
      </h2>
      <ul className="mt-2 space-y-1">
        {documents.map((doc) => (
          <DocumentLinks key={doc.id} document={doc} />
        ))}
      </ul>
    </section>
  );
}

/** The correspondence with the resident: the department's requests and the answers, with their files. */
export function ApplicationMessages({ messages }: { messages: ApplicationMessageView[] }) {
  const { t } = useTranslation("office");
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby="messages-title" className="mt-8">
      <h2 id="messages-title" className="text-xl font-bold">
        {t("application.messages")}
      </h2>
      <ul className="mt-2 space-y-2" data-testid="messages">
        {messages.map((msg) => (
          <li key={msg.id} className="rounded-md border border-slate-300 bg-white p-3">
            <p className="text-sm font-semibold">
              {msg.author === "department" ? t("application.department") : t("application.applicant")} · {msg.at}
            </p>
            <p className="mt-1 whitespace-pre-line">{msg.text}</p>
            <ul>
              {msg.files.map((f) => (
                <DocumentLinks key={f.id} document={f} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DocumentLinks({ document }: { document: DocumentView }) {
  const { t } = useTranslation("office");
  return (
    <li className="flex flex-wrap gap-3">
      <a
        href={`/documents/${document.id}?inline=1`}
        target="_blank"
        rel="noreferrer"
        className="text-brand-700 underline"
      >
        {t("application.open", { name: document.name })}
      </a>
      <a href={`/documents/${document.id}`} className="text-brand-700 underline">
        {t("application.download")}
        <span className="sr-only"> {document.name}</span>
      </a>
    </li>
  );
}
