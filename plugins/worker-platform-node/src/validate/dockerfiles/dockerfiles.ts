import { DockerfileParser, Dockerfile, Instruction } from 'dockerfile-ast';
import { RepositorySnapshot } from '../repository/RepositorySnapshot';

/** A parsed Dockerfile and its build stages. */
export interface ParsedDockerfile {
  file: string;
  text: string;
  dockerfile: Dockerfile;
  /** Instructions per stage, in order; the last one is the image that ships. */
  stages: Instruction[][];
}

const DOCKERFILE = /(^|\/)(Dockerfile(\.[^/]+)?|[^/]+\.[Dd]ockerfile)$/;

const parsedByRepository = new WeakMap<
  RepositorySnapshot,
  ParsedDockerfile[]
>();

/** Every Dockerfile of the repository (`Dockerfile`, `Dockerfile.<name>`, `<name>.Dockerfile`). */
export function dockerfiles(repo: RepositorySnapshot): ParsedDockerfile[] {
  // Six rules read them; parse once per repository.
  let parsed = parsedByRepository.get(repo);
  if (!parsed) {
    parsed = parseDockerfiles(repo);
    parsedByRepository.set(repo, parsed);
  }
  return parsed;
}

function parseDockerfiles(repo: RepositorySnapshot): ParsedDockerfile[] {
  return repo
    .paths()
    .filter(file => DOCKERFILE.test(file) && !file.endsWith('.dockerignore'))
    .map(file => {
      const text = repo.read(file) ?? '';
      const dockerfile = DockerfileParser.parse(text);
      const stages: Instruction[][] = [];
      for (const instruction of dockerfile.getInstructions()) {
        if (instruction.getKeyword() === 'FROM') stages.push([]);
        stages[stages.length - 1]?.push(instruction);
      }
      return { file, text, dockerfile, stages };
    });
}

/** 1-based line of an instruction. */
export function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}
