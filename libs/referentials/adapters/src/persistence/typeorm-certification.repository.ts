import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isDuplicateKey, likeContaining } from '@certif/platform-persistence';
import type { LocalDate } from '@certif/platform-calendar';
import { Conflict } from '@certif/platform-errors';
import type {
  CertificationFilter,
  CertificationRepository,
  ComponentOfCertification,
  ImportState,
  Page,
  PageRequest,
} from '@certif/referentials-application';
import type { Certification, ComponentKind } from '@certif/referentials-domain';
import {
  searchable,
  toCertification,
  toCertificationRow,
  toComponentRows,
  toRegisterImport,
  toSpecializationRows,
} from './certification.mapper';
import { CertificationRow } from './certification.row';
import { ComponentRow, SpecializationRow } from './component.row';

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound variables and MySQL's packet. */
const ROWS_PER_INSERT = 500;

/**
 * Multi-row INSERTs named by the entity's metadata, values through the driver's conversions (JSON,
 * dates, booleans). TypeORM's insert builder spends most of an import's time checking its own
 * parameter names (quadratic in the rows): the import writes thousands of rows at a time.
 */
async function insertInSlices<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: T[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.dataSource.getMetadata(entity);
  const driver = manager.dataSource.driver;
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const slice = rows.slice(start, start + ROWS_PER_INSERT);
    const parameters = slice.flatMap((row) =>
      columns.map((column) => {
        const value: unknown = column.getEntityValue(row);
        return driver.preparePersistentValue(value === undefined ? null : value, column) as unknown;
      }),
    );
    await manager.query(
      `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${slice.map(() => tuple).join(', ')}`,
      parameters,
    );
  }
}

/**
 * `SELECT <every column> FROM <table> WHERE <column> IN (…)`, named by the entity's metadata and
 * hydrated through the driver's conversions (JSON, dates, booleans), without TypeORM's query
 * builder: on the hot read (a page of certifications with their components) building and
 * transforming the queries cost more than running them (npm run bench:profile-subgraph).
 */
async function selectWhereIn<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  column: keyof T & string,
  values: readonly string[],
  orderBy?: keyof T & string,
): Promise<T[]> {
  if (values.length === 0) return [];
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  const named = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name} has no column ${property}`);
    return driver.escape(found.databaseName);
  };
  const sql =
    `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} ` +
    `FROM ${driver.escape(metadata.tableName)} ` +
    `WHERE ${named(column)} IN (${values.map(() => '?').join(', ')})` +
    (orderBy ? ` ORDER BY ${named(orderBy)} ASC` : '');
  const raw = (await manager.query(sql, [...values])) as Record<string, unknown>[];
  return raw.map((record) => {
    const row = new entity();
    for (const c of columns)
      c.setEntityValue(row, driver.prepareHydratedValue(record[c.databaseName], c));
    return row;
  });
}

export class TypeOrmCertificationRepository implements CertificationRepository {
  constructor(private readonly manager: EntityManager) {}

  async findById(id: string): Promise<Certification | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Certification[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.findBy(CertificationRow, { id: In([...new Set(ids)]) });
    return this.assemble(rows);
  }

  async findByCode(code: string): Promise<Certification | null> {
    const row = await this.manager.findOneBy(CertificationRow, { code });
    return row ? ((await this.assemble([row]))[0] ?? null) : null;
  }

  async findComponentsByIds(ids: readonly string[]): Promise<ComponentOfCertification[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.findBy(ComponentRow, { id: In([...new Set(ids)]) });
    return rows.map((row) => ({ ...row, kind: row.kind as ComponentKind }));
  }

  async list(
    filter: CertificationFilter,
    today: LocalDate,
    page: PageRequest,
  ): Promise<Page<Certification>> {
    const filtered = this.filtered(filter, today);
    const pageQuery = filtered
      .clone()
      .orderBy('c.code', 'ASC')
      .take(page.first + 1);
    let rows: CertificationRow[];
    let totalCount: number;
    if (page.afterCode === null) {
      // The first page (most reads) in one statement: each row carries the filter's count
      // (a window function); no row means nothing matches.
      const { entities, raw } = await pageQuery
        .addSelect('COUNT(*) OVER ()', 'total_count')
        .getRawAndEntities<{ total_count: number | string }>();
      rows = entities;
      totalCount = Number(raw[0]?.total_count ?? 0);
    } else {
      pageQuery.andWhere('c.code > :afterCode', { afterCode: page.afterCode });
      [totalCount, rows] = await Promise.all([filtered.clone().getCount(), pageQuery.getMany()]);
    }
    const items = await this.assemble(rows.slice(0, page.first));
    return { items, totalCount, hasNextPage: rows.length > page.first };
  }

  async insert(certification: Certification): Promise<void> {
    try {
      await this.manager.insert(CertificationRow, toCertificationRow(certification));
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new Conflict(
          `a certification with code ${certification.code} already exists; choose another code`,
          'input.code',
        );
      }
      throw error;
    }
    const components = toComponentRows(certification);
    if (components.length > 0) await this.manager.insert(ComponentRow, components);
    const specializations = toSpecializationRows(certification);
    if (specializations.length > 0) await this.manager.insert(SpecializationRow, specializations);
  }

  async insertMany(certifications: readonly Certification[]): Promise<void> {
    if (certifications.length === 0) return;
    try {
      await insertInSlices(this.manager, CertificationRow, certifications.map(toCertificationRow));
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new Conflict(
          `a certification with one of the codes ${certifications.map((c) => c.code).join(', ')} already exists`,
          'input.code',
        );
      }
      throw error;
    }
    await insertInSlices(this.manager, ComponentRow, certifications.flatMap(toComponentRows));
    await insertInSlices(
      this.manager,
      SpecializationRow,
      certifications.flatMap(toSpecializationRows),
    );
  }

  async findImportStates(codes: readonly string[]): Promise<ImportState[]> {
    if (codes.length === 0) return [];
    const rows = await this.manager.find(CertificationRow, {
      select: {
        id: true,
        code: true,
        importedFrom: true,
        importFingerprint: true,
        revisesId: true,
        revisedById: true,
        version: true,
      },
      where: { code: In([...new Set(codes)]) },
    });
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      importedFrom: toRegisterImport(row),
      revisesId: row.revisesId,
      revisedById: row.revisedById,
      version: row.version,
    }));
  }

  async updateWithComponents(certification: Certification): Promise<void> {
    await this.update(certification);
    const stored = new Map(
      (await this.manager.findBy(ComponentRow, { certificationId: certification.id })).map(
        (row) => [row.id, row],
      ),
    );
    const added: ComponentRow[] = [];
    for (const row of toComponentRows(certification)) {
      const before = stored.get(row.id);
      if (!before) added.push(row);
      else if (
        before.code !== row.code ||
        before.title !== row.title ||
        before.kind !== row.kind ||
        before.position !== row.position ||
        JSON.stringify(before.competences) !== JSON.stringify(row.competences)
      ) {
        const { id, ...fields } = row;
        await this.manager.update(ComponentRow, { id }, fields);
      }
    }
    await insertInSlices(this.manager, ComponentRow, added);
  }

  /** Components never change once created: a change of content is a revision (R4). */
  async update(certification: Certification): Promise<void> {
    const { id, version, ...fields } = toCertificationRow(certification);
    const result = await this.manager.update(
      CertificationRow,
      { id, version: version - 1 },
      { ...fields, version },
    );
    if (result.affected === 0) {
      throw new Conflict(
        `${certification.code} was changed by someone else meanwhile; reload it and try again`,
        'id',
      );
    }
  }

  private filtered(
    filter: CertificationFilter,
    today: LocalDate,
  ): SelectQueryBuilder<CertificationRow> {
    const query = this.manager.createQueryBuilder(CertificationRow, 'c');
    const words = searchable(filter.search ?? '')
      .split(/\s+/)
      .filter(Boolean);
    words.forEach((word, i) =>
      query.andWhere(`c.searchText LIKE :word${i} ESCAPE '!'`, {
        [`word${i}`]: likeContaining(word),
      }),
    );
    if (filter.level) query.andWhere('c.level = :level', { level: filter.level });
    if (filter.romeCode) {
      query.andWhere(`c.romeCodes LIKE :rome ESCAPE '!'`, {
        rome: likeContaining(JSON.stringify(filter.romeCode)),
      });
    }
    if (filter.certifier) {
      query.andWhere(`c.certifierSearch LIKE :certifier ESCAPE '!'`, {
        certifier: likeContaining(searchable(filter.certifier)),
      });
    }
    const open = '(c.registeredUntil IS NULL OR c.registeredUntil >= :today)';
    switch (filter.status) {
      case 'DRAFT':
        query.andWhere('c.publishedAt IS NULL');
        break;
      case 'CLOSED':
        query.andWhere('c.publishedAt IS NOT NULL AND c.registeredUntil < :today', { today });
        break;
      case 'REVISED':
        query.andWhere(`c.publishedAt IS NOT NULL AND c.revisedById IS NOT NULL AND ${open}`, {
          today,
        });
        break;
      case 'ACTIVE':
        query.andWhere(`c.publishedAt IS NOT NULL AND c.revisedById IS NULL AND ${open}`, {
          today,
        });
        break;
      default:
        break;
    }
    return query;
  }

  /** Two queries for any number of certifications: components and specializations by IN. */
  private async assemble(rows: CertificationRow[]): Promise<Certification[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [components, specializations] = await Promise.all([
      selectWhereIn(this.manager, ComponentRow, 'certificationId', ids, 'position'),
      selectWhereIn(this.manager, SpecializationRow, 'certificationId', ids),
    ]);
    return rows.map((row) =>
      toCertification(
        row,
        components.filter((c) => c.certificationId === row.id),
        specializations.filter((s) => s.certificationId === row.id),
      ),
    );
  }
}
