/** IPv4, CIDR and MAC helpers follow Go's net package, which the installers use. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, cidrsOverlap, formatCidr, formatIPv4, isMacAddress, parseCidr, parseIPv4 } from '../../server/src/engine/net';

describe('parseIPv4', () => {
  it('reads dotted quads', () => {
    assert.equal(parseIPv4('0.0.0.0'), 0);
    assert.equal(parseIPv4('10.0.0.1'), 10 * 2 ** 24 + 1);
    assert.equal(parseIPv4('255.255.255.255'), 2 ** 32 - 1);
    assert.equal(parseIPv4(' 192.168.1.50 '), parseIPv4('192.168.1.50'));
  });

  for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '192.168.1.300', '010.0.0.1', '1.2.3.-4', '1.2.3.4/24', 'a.b.c.d', '::1', '<server_public_ip>', '${vip}']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseIPv4(bad), undefined));
  }

  it('accepts the IPv4-mapped IPv6 form only when asked, as Go\'s To4 does', () => {
    assert.equal(parseIPv4('::ffff:10.0.0.1'), undefined);
    assert.equal(parseIPv4('::FFFF:10.0.0.1', { allowMapped: true }), parseIPv4('10.0.0.1'));
  });

  it('formats what it parses', () => {
    for (const ip of ['0.0.0.0', '10.96.0.1', '172.16.254.3', '255.255.255.255']) assert.equal(formatIPv4(parseIPv4(ip)!), ip);
  });
});

describe('parseCidr', () => {
  it('reads the network and its first and last address', () => {
    const cidr = parseCidr('10.244.0.0/16')!;
    assert.equal(formatIPv4(cidr.first), '10.244.0.0');
    assert.equal(formatIPv4(cidr.last), '10.244.255.255');
    assert.equal(cidr.prefix, 16);
  });

  it('clears host bits like Go\'s ParseCIDR', () => {
    assert.equal(formatCidr(parseCidr('10.96.5.7/12')!), '10.96.0.0/12');
    assert.equal(formatCidr(parseCidr('192.168.1.77/32')!), '192.168.1.77/32');
    assert.equal(formatCidr(parseCidr('8.8.8.8/0')!), '0.0.0.0/0');
  });

  for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/', '10.0.0/8', '10.0.0.0/08', 'fd00::/8', '10.0.0.0/16/2', '${cidr}']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseCidr(bad), undefined));
  }
});

describe('cidrsOverlap and cidrContains', () => {
  const c = (s: string) => parseCidr(s)!;

  it('finds nested and equal ranges overlapping, in both orders', () => {
    assert.ok(cidrsOverlap(c('10.96.0.0/12'), c('10.96.0.0/16')));
    assert.ok(cidrsOverlap(c('10.96.0.0/16'), c('10.96.0.0/12')));
    assert.ok(cidrsOverlap(c('10.0.0.0/8'), c('10.0.0.0/8')));
    assert.ok(cidrsOverlap(c('0.0.0.0/0'), c('192.168.1.0/24')));
  });

  it('does not find adjacent or distant ranges overlapping', () => {
    assert.ok(!cidrsOverlap(c('10.96.0.0/12'), c('10.112.0.0/12')));
    assert.ok(!cidrsOverlap(c('10.244.0.0/16'), c('10.96.0.0/12')));
    assert.ok(!cidrsOverlap(c('192.168.1.0/25'), c('192.168.1.128/25')));
  });

  it('knows which addresses a range holds, ends included', () => {
    const net = c('10.244.0.0/16');
    assert.ok(cidrContains(net, parseIPv4('10.244.0.0')!));
    assert.ok(cidrContains(net, parseIPv4('10.244.255.255')!));
    assert.ok(!cidrContains(net, parseIPv4('10.245.0.0')!));
    assert.ok(!cidrContains(net, parseIPv4('10.243.255.255')!));
  });
});

describe('isMacAddress', () => {
  for (const good of ['52:54:00:ec:0e:0b', '0C:C4:7A:35:08:A0', '52-54-00-ec-0e-0b', '5254.00ec.0e0b', '02:00:5e:10:00:00:00:01', '00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01']) {
    it(`accepts ${good}`, () => assert.ok(isMacAddress(good)));
  }
  for (const bad of ['', '52:54:00:ec:0e', '52-54-00-ec-0e', '52:54:00:ec:0e:0g', '52:54-00:ec:0e:0b', '525400ec0e0b', '52:54:00:ec:0e:0b:', '5254.00ec.0e0', '52:54:00:ec:0e:0b:aa']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.ok(!isMacAddress(bad)));
  }
});
