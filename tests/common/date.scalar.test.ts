import { Kind } from 'graphql';
import { DateScalar } from '../../src/common/date.scalar';

describe('the Date scalar', () => {
  it('takes only calendar days as input, from variables and from literals', () => {
    expect(DateScalar.parseValue('2023-06-19')).toBe('2023-06-19');
    expect(() => DateScalar.parseValue('2023-02-30')).toThrow(/not a valid LocalDate/);
    expect(() => DateScalar.parseValue('19/06/2023')).toThrow(/not a valid LocalDate/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: '2023-13-01' })).toThrow(/not a valid LocalDate/);
  });

  it('sends dates in ISO form and refuses anything else', () => {
    expect(DateScalar.serialize('2023-06-19')).toBe('2023-06-19');
    expect(() => DateScalar.serialize('June 19')).toThrow(/not a valid LocalDate/);
    expect(() => DateScalar.serialize(20230619)).toThrow(/not string/);
  });
});
