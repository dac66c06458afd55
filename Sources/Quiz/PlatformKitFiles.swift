/// The text of each platform kit's files (see `PlatformKit`).
enum PlatformKitFiles {
    typealias File = PlatformKit.File

    static func gradescope(course: File) -> [File] {
        [
            course,
            File(path: "setup.sh", text: """
                #!/usr/bin/env bash
                # Gradescope runs this once when it builds the autograder image.
                # The zip holds: setup.sh, run_autograder, course.yaml, twlab (the release binary),
                # Lessons/ and course-secret. /autograder/source is not visible to students.
                set -euo pipefail
                cd /autograder/source
                # twlab's line editor: the release binary links libedit (the Swift runtime is static).
                apt-get update -qq && apt-get install -y -qq libedit2
                chmod 0755 twlab
                chmod 0600 course-secret
                ./twlab --version

                """, isExecutable: true),
            File(path: "run_autograder", text: """
                #!/usr/bin/env bash
                # Gradescope runs this for every submission. twlab reads the submitted .yaml file from
                # /autograder/submission, the student id from submission_metadata.json, and always writes
                # /autograder/results/results.json. No expected answer appears in it.
                set -uo pipefail
                cd /autograder/source
                ./twlab quiz grade --format gradescope \\
                  --lessons /autograder/source/Lessons \\
                  --course /autograder/source/course.yaml \\
                  --secret-file /autograder/source/course-secret \\
                  --feedback hints
                # Exit 0 (pass), 1 (below the pass mark) and 2 (unusable input) are all in results.json.
                exit 0

                """, isExecutable: true),
            File(path: "README.md", text: """
                # twlab on Gradescope

                1. Copy the release binary (`make build`, then `.build/release/twlab`) and the `Lessons`
                   folder into this folder.
                2. Put the course secret in `course-secret` (`openssl rand -hex 32 > course-secret`).
                   It stays in the autograder's source folder, which students cannot read.
                3. Zip the folder's contents (not the folder) and upload it as the autograder
                   (Ubuntu base image).
                4. Students hand in one `.yaml` answers file: the one you made for them (below).
                5. Limit the number of submissions (Assignment settings): each result says which
                   questions are right, so unlimited resubmission lets a student search the choices.

                ## Which id a student's paper is made for

                twlab grades each submission under the id in Gradescope's `submission_metadata.json`,
                in this order: the roster's `sid` (the Student ID column of the Gradescope roster),
                else the student's `email`, else Gradescope's internal numeric `id` (students never
                see that one, so fill in the SID or rely on the e-mail). A `student:` line in the file
                that differs is noted and graded under the Gradescope id.

                Students cannot make their own paper: that needs the course secret, which never leaves
                you. Make every student's answers file (or paper) from the roster instead, and hand
                each student theirs (an LMS file per student, or e-mail):

                    twlab quiz paper --students roster.csv --template \\
                      --secret-file course-secret --output-dir papers/

                `roster.csv` is Gradescope's roster export (its `SID` column, else `Email`, is used) or
                one id a line. Each `papers/ID.yaml` is that student's questions with their numbers,
                ready to fill in; leave out `--template` for readable papers (`papers/ID.txt`). For one
                student: `twlab quiz paper --student SID --template --secret-file course-secret`.

                """, isExecutable: false),
        ]
    }

    static func prairieLearn(course: File) -> [File] {
        [
            File(path: "serverFilesCourse/twlab/course.yaml", text: course.text, isExecutable: false),
            File(path: "serverFilesCourse/twlab/run.sh", text: """
                #!/usr/bin/env bash
                # PrairieLearn's external grader runs this with the student's files in /grade/student and
                # reads /grade/results/results.json. serverFilesCourse is never sent to students.
                set -uo pipefail
                here=/grade/serverFilesCourse/twlab
                mkdir -p /grade/results
                if ! "$here/twlab" --version >/dev/null 2>&1; then
                  # The grader image lacks what twlab needs (it links libedit): say so instead of failing silently.
                  echo '{"gradable": false, "score": 0, "message": "The twlab grader could not start in this image; the instructor checks the external grader (libedit2 is needed).", "tests": []}' > /grade/results/results.json
                  exit 0
                fi
                "$here/twlab" quiz grade --format prairielearn \\
                  --lessons "$here/Lessons" \\
                  --course "$here/course.yaml" \\
                  --secret-file "$here/course-secret" \\
                  --feedback hints
                exit 0

                """, isExecutable: true),
            File(path: "questions/twlab-quiz/info.json", text: """
                {
                  "uuid": "00000000-0000-4000-8000-000000000000",
                  "title": "twlab: TCP close and TIME_WAIT",
                  "topic": "TCP",
                  "tags": ["twlab"],
                  "type": "v3",
                  "singleVariant": true,
                  "gradingMethod": "External",
                  "externalGradingOptions": {
                    "enabled": true,
                    "image": "prairielearn/grader-python",
                    "serverFilesCourse": ["twlab/"],
                    "entrypoint": "/grade/serverFilesCourse/twlab/run.sh",
                    "timeout": 60
                  }
                }

                """, isExecutable: false),
            File(path: "questions/twlab-quiz/server.py", text: """
                # Deals each student's variant one paper from the instructor's pool (made with
                # `twlab quiz paper --pool N --secret-file course-secret --output-dir papers/`). PrairieLearn
                # seeds `random` with the variant's seed, so a student keeps their paper, and params are
                # made here on the server, so the grader can trust params["paper"] as the student's id.
                import os
                import random


                def generate(data):
                    folder = os.path.join(data["options"]["server_files_course_path"], "twlab", "papers")
                    papers = sorted(name[:-5] for name in os.listdir(folder) if name.endswith(".yaml"))
                    if not papers:
                        raise RuntimeError("no papers in serverFilesCourse/twlab/papers: run twlab quiz paper --pool")
                    paper = random.choice(papers)
                    with open(os.path.join(folder, paper + ".yaml"), encoding="utf-8") as handle:
                        data["params"]["template"] = handle.read()
                    data["params"]["paper"] = paper

                """, isExecutable: false),
            File(path: "questions/twlab-quiz/question.html", text: """
                <pl-question-panel>
                  <p>Your paper is <code>{{params.paper}}</code>. Copy it into a file named
                  <code>answers.yaml</code>, write each answer after its colon, and upload the file.
                  Your questions and numbers are your own: another student's answers will not fit them.</p>
                  <pre>{{params.template}}</pre>
                </pl-question-panel>
                <pl-file-upload file-names="answers.yaml"></pl-file-upload>
                <pl-external-grader-results></pl-external-grader-results>

                """, isExecutable: false),
            File(path: "README.md", text: """
                # twlab on PrairieLearn

                1. Copy `serverFilesCourse/twlab/` into your course repository's `serverFilesCourse/`, and
                   add the release binary (`twlab`), the `Lessons` folder and `course-secret` there
                   (`openssl rand -hex 32 > course-secret`). serverFilesCourse is only read by the
                   server and graders, never sent to students.
                2. Make a pool of papers there, many more than you have students (see below; each
                   is an answers file of about 15 KB with the questions as comments):

                       twlab quiz paper --pool 2000 --secret-file course-secret \\
                         --output-dir serverFilesCourse/twlab/papers

                3. Copy `questions/twlab-quiz/` into `questions/` and give it a fresh `uuid`.
                4. twlab writes `/grade/results/results.json` (`score` 0–1, `gradable`, `tests[]`).

                ## Student identity: the paper

                PrairieLearn's external grader is told no user id, uid or e-mail (`/grade/data/data.json`
                holds the question's `params`, `submitted_answers`, `variant_seed` and the like; checked
                against PrairieLearn's source, `buildDirectory` in `externalGraderCommon.ts`). So the
                identity is the paper: `server.py` deals each student's variant a random paper from the
                pool and shows it; the grader reads `params.paper` and grades the file as that paper,
                whatever its `student:` line says. A classmate's file was made for another paper and
                scores like a guess, unless both drew the same one. Papers are dealt at random, so with
                n students and N papers about n·(n−1)/(2N) pairs share one: 100 students and 2000 papers
                give about 2.5 pairs, 5000 papers about 1. Each result names the paper, so shared ones
                show in the submissions download. `singleVariant` keeps each student on their paper.
                Keep the papers folder out of `clientFilesCourse`: it holds questions, not answers, but
                there is no reason to publish it.

                Limit the number of attempts (for example in an Exam assessment, where the question's
                `points` list sets how many there are): each result says which questions are right,
                so unlimited resubmission lets a student search the choices.

                The grader image needs libedit (`libedit2`), which the release binary links;
                `run.sh` reports a non-gradable result with that hint when twlab cannot start.

                """, isExecutable: false),
        ]
    }

    static func classroom50(course: File) -> [File] {
        [
            course,
            File(path: "tests.json", text: """
                {
                  "schema": "classroom50/tests/v1",
                  "tests": [
                    {
                      "name": "answers file can be read (self-check; its score uses practice numbers, not yours)",
                      "type": "run",
                      "run": "./twlab quiz grade answers.yaml --lessons Lessons --course course.yaml --format score; test $? -le 1",
                      "timeout": 30,
                      "points": 1
                    }
                  ]
                }

                """, isExecutable: false),
            File(path: "README.md", text: """
                # twlab on Classroom 50

                Classroom 50 grades in GitHub Actions inside each student's own repository, and its
                autograder bundle is published, so no course secret may go there. This kit's `tests.json`
                is a self-check: it proves the answers file can be read. The `twlab score: …` it prints
                is for the practice numbers, not the student's, so it means nothing; no expected answers
                are shown. Put the release `twlab` binary, `Lessons/` and `course.yaml` in the template
                repository beside `answers.yaml`.

                The grade that counts comes from your own run with the secret, over the collected
                repositories (for example with `gh teacher` cloning them into `submissions/`):

                    twlab quiz grade submissions/*/answers.yaml --course course.yaml \\
                      --secret-file ~/private/course-secret --format csv --output grades.csv

                Use the `ci` kit to run that in a private repository on a schedule.

                `tests.json` follows Classroom 50's declarative format as its runner reads it
                (`"schema": "classroom50/tests/v1"`, each test a `name`, a `type` of `run`, `io` or
                `python`, a `run` command, `points` and an optional `timeout`), checked against the
                runner's own tests in foundation50/classroom50 (`cli/gh-teacher/autograders_tests`),
                not against a published schema file. A `run` test passes when the command exits 0,
                which here means twlab could read the file (it exits 2 for a file it cannot use and 1
                for a practice score below the pass mark). Put it in
                `CLASSROOM/autograders/ASSIGNMENT/tests.json`, or add the same test with
                `gh teacher assignment test add`.

                """, isExecutable: false),
        ]
    }

    static func ci(course: File) -> [File] {
        [
            course,
            File(path: ".github/workflows/twlab-grade.yml", text: """
                # Grades every answers file in submissions/ with the course secret. Keep this repository
                # private: the secret is a repository secret (Settings > Secrets > TWLAB_COURSE_SECRET)
                # and reaches the runner as a file that is deleted when the job ends.
                name: twlab grade
                on:
                  workflow_dispatch:
                  push:
                    paths: ["submissions/**"]
                permissions:
                  contents: read
                jobs:
                  grade:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Secret to a private file
                        env:
                          TWLAB_COURSE_SECRET: ${{ secrets.TWLAB_COURSE_SECRET }}
                        run: |
                          umask 077
                          printf '%s' "$TWLAB_COURSE_SECRET" > "$RUNNER_TEMP/course-secret"
                      - name: Grade
                        # Exit 1 only means someone is below the pass mark; 2 (a file that cannot be
                        # used, an empty secret) fails the job, and the reports are kept all the same.
                        run: |
                          ./twlab quiz grade submissions/ --lessons Lessons --course course.yaml \\
                            --secret-file "$RUNNER_TEMP/course-secret" --format junit --output grades.xml || test $? -eq 1
                          ./twlab quiz grade submissions/ --lessons Lessons --course course.yaml \\
                            --secret-file "$RUNNER_TEMP/course-secret" --format csv --output grades.csv || test $? -eq 1
                      - name: Remove the secret
                        if: always()
                        run: rm -f "$RUNNER_TEMP/course-secret"
                      - uses: actions/upload-artifact@v4
                        if: always()
                        with:
                          name: grades
                          path: |
                            grades.xml
                            grades.csv

                """, isExecutable: false),
            File(path: "README.md", text: """
                # twlab in CI

                A GitHub Actions workflow for a private grading repository: put the release binary
                (`twlab`), `Lessons/` and the collected answers files (`submissions/`) in it, and the
                course secret in the repository secret `TWLAB_COURSE_SECRET`. The job writes a JUnit
                report and a CSV gradebook as an artifact. For one line a grader can capture, use
                `--format score` (`twlab score: 0.83`); `--only QUESTION` prints pass or fail per file.

                """, isExecutable: false),
        ]
    }
}
