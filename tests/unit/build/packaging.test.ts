// electron-builder.yml must keep producing the installers users need, with our icon.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/webHost';

interface BuilderConfig {
  appId: string;
  icon: string;
  files: string[];
  directories: { buildResources: string };
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

describe('electron-builder.yml', () => {
  const config = loadYaml(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

  it('builds AppImage + deb, nsis and dmg for the app id, from build/ resources', () => {
    expect(config.appId).toBe('org.deskline.workstation');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.directories.buildResources).toBe('build');
  });

  it('points at an icon that exists and ships the built app', () => {
    expect(existsSync(path.join(repoRoot, config.icon))).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['.out/main/**', '.out/renderer/**']));
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('.out/main/electron-main.js');
  });
});
