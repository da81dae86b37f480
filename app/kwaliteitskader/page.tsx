import type { Metadata } from "next";
import { RequirementText } from "@/components/framework/RequirementText";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";

export const metadata: Metadata = { title: "Kwaliteitskader" };

export default function KwaliteitskaderPage() {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{framework.title}</h1>
        <p>
          Kwaliteitskader van de {framework.publisher}, versie {framework.version}. {framework.status}
        </p>
      </header>

      <section aria-labelledby="schaal" className="space-y-2">
        <h2 id="schaal" className="text-xl font-semibold">
          Antwoordschaal van de zelfscan
        </h2>
        <dl className="grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          {framework.scale.levels.map((level) => (
            <div key={level.value} className="contents">
              <dt className="font-semibold">
                {level.value} – {level.label}
              </dt>
              <dd>{level.explanation}</dd>
            </div>
          ))}
          <dt className="font-semibold">{framework.scale.weetIkNiet.label}</dt>
          <dd>{framework.scale.weetIkNiet.explanation}</dd>
        </dl>
      </section>

      {framework.chapters.map((chapter) => (
        <section key={chapter.id} aria-labelledby={`hoofdstuk-${chapter.id}`} className="space-y-4">
          <h2 id={`hoofdstuk-${chapter.id}`} className="text-xl font-semibold">
            {chapter.number} {chapter.title}
          </h2>
          <p>{chapter.introduction}</p>
          {chapter.requirements
            .filter((requirement) => requirement.sectionId === null)
            .map((requirement) => (
              <RequirementText key={requirement.number} requirement={requirement} />
            ))}
          {chapter.sections.map((section) => (
            <section key={section.id} aria-labelledby={`sectie-${section.id}`} className="space-y-4">
              <h3 id={`sectie-${section.id}`} className="text-lg font-semibold">
                {section.title}
              </h3>
              <p>{section.introduction}</p>
              {section.requirements.map((requirement) => (
                <RequirementText key={requirement.number} requirement={requirement} headingLevel={3} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
